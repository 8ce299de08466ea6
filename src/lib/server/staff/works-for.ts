/**
 * A staff member works for the gemeenten ticked in /beheer/gebruikers (`user.gemeente_ids`);
 * none ticked: for every gemeente of the dienst. A klantmanager is made the contact of a client
 * (intake, a move, an import, the sync API) or booked for an appointment only for a client of a
 * gemeente they work for (issue 15).
 */
export function worksFor(staff: { gemeenteIds: readonly string[] }, gemeenteId: string): boolean {
	return staff.gemeenteIds.length === 0 || staff.gemeenteIds.includes(gemeenteId);
}
