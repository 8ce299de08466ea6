import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, user } from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';
import { isoUtc } from '../db/json-sql';
import { preparedPerDb } from '../db/prepared';
import { openInvitationJson, type OpenInvitation } from '../surveys/surveys';

export const DUE_SOON_DAYS = 14;

type Contact = { name: string; phone: string | null; email: string; hours: string | null };
type Next = { id: string; startsAt: string; kind: string; place: string | null; staffName: string };
/** `titleLang`: the language `title` is in (the client's when translated, else 'nl'). */
type Due = { id: string; title: string; titleLang: string; dueDate: string | null };

/** Home's one query, built once per database (placeholders: userId, lang, now, dueBy). */
const homeQuery = preparedPerDb((db) =>
	db
		.select({
			name: user.displayName,
			contact: sql<string | null>`(select json_build_object('name', k.display_name,
				'phone', k.phone, 'email', k.email, 'hours', k.reachable_hours)::text
				from "user" k where k.id = ${client.klantmanagerId})`,
			next: sql<string | null>`(select json_build_object('id', a.id,
				'startsAt', ${isoUtc(sql`a.starts_at`)}, 'kind', a.kind, 'place', a.place,
				'staffName', s.display_name)::text
				from appointment a join "user" s on s.id = a.staff_id
				where a.client_id = ${client.id} and a.starts_at >= ${sql.placeholder('now')}
					and a.status = 'planned'
				order by a.starts_at limit 1)`,
			due: sql<string>`(select coalesce(json_agg(d order by d."dueDate"), '[]')::text from (
				select ps.id, coalesce(tr.text, ps.title) as title,
					case when tr.text is null then 'nl' else ${sql.placeholder('lang')}::text end as "titleLang",
					ps.due_date as "dueDate"
				from plan_step ps join plan p on p.id = ps.plan_id
				left join plan_text_translation tr on tr.source = ps.title and tr.language = ${sql.placeholder('lang')}
				where p.client_id = ${client.id} and p.status in ('shared', 'agreed')
					and ps.owner = 'client' and ps.status <> 'done'
					and ps.due_date <= ${sql.placeholder('dueBy')}
				order by ps.due_date limit 5) d)`,
			planStatus: sql<string | null>`(select p.status from plan p
				where p.client_id = ${client.id} and p.status in ('shared', 'agreed') limit 1)`,
			survey: openInvitationJson(client.id, sql.placeholder('now'))
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(client.userId, sql.placeholder('userId')))
		.prepare('home')
);

/**
 * What the client's home page shows: next appointment, steps due soon, contact person, whether
 * the plan waits for agreement, and an open survey. One query, so one round trip: Home is the
 * page a client opens most, often on a slow connection. Step titles come in `lang` where a
 * translation exists, else in Dutch with `titleLang: 'nl'` (as on Mijn plan).
 */
export async function homeOf(db: Db, userId: string, lang: string, now = new Date()) {
	const today = amsterdamDay(now);
	const [me] = await homeQuery(db).execute({
		userId,
		lang,
		now: now.toISOString(),
		dueBy: addDays(today, DUE_SOON_DAYS)
	});
	if (!me) return null;
	const next = me.next ? (JSON.parse(me.next) as Next) : null;
	const due = JSON.parse(me.due) as Due[];
	return {
		firstName: me.name.split(' ')[0] ?? me.name,
		hasPlan: me.planStatus !== null,
		planWaitsForAgreement: me.planStatus === 'shared',
		nextAppointment: next,
		dueSteps: due.map((s) => ({ ...s, overdue: !!s.dueDate && s.dueDate < today })),
		contact: me.contact ? (JSON.parse(me.contact) as Contact) : null,
		survey: me.survey ? (JSON.parse(me.survey) as OpenInvitation) : null
	};
}
