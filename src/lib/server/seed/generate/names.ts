// Names and home languages of generated clients.

import { Rng } from './random';

// ── Names ─────────────────────────────────────────────────────────────────────

export type Origin = 'nl' | 'ma' | 'tr' | 'pl' | 'sr' | 'sy' | 'er' | 'af';
// Comma-separated so the lists stay readable after formatting.
export const NAMES: Record<Origin, { f: string[]; m: string[]; last: string[] }> =
	Object.fromEntries(
		Object.entries({
			nl: {
				f: 'Anna, Emma, Sophie, Julia, Lisa, Fleur, Laura, Iris, Eva, Femke, Linda, Marieke, Ingrid, Monique, Wendy, Kim, Esther, Annemarie, Karin, Yvonne, Daphne, Naomi, Nicole, Mirjam, Hanneke, Bianca, Sandra, Ria, Gerda, Tessa',
				m: 'Jan, Pieter, Kees, Henk, Bas, Tom, Jeroen, Mark, Dennis, Rik, Sander, Ruud, Erik, Wim, Gerrit, Johan, Martijn, Niels, Stefan, Bram, Daan, Thijs, Koen, Wouter, Harm, Gert, Hans, Rob, Marco, Patrick',
				last: 'de Jong, Jansen, van den Berg, van Dijk, Bakker, Janssen, Visser, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, Schouten, Hoekstra, Koster, Prins, Wessels, Nijhuis, ten Brinke, Roelofs, Hulshof, Klein Gunnewiek, Wolbrink, Eppink, Heutinck, Lammers'
			},
			ma: {
				f: 'Fatima, Khadija, Nadia, Samira, Hanane, Imane, Soumaya, Naima',
				m: 'Mohammed, Youssef, Khalid, Rachid, Hamza, Bilal, Mustafa, Karim',
				last: 'El Amrani, Benali, El Idrissi, Ouali, Aziz, Haddouchi, Boukhari, Tahiri, Chaoui'
			},
			tr: {
				f: 'Ayşe, Elif, Zeynep, Fatma, Emine, Merve',
				m: 'Mehmet, Ahmet, Emre, Murat, Hakan, Kemal',
				last: 'Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan'
			},
			pl: {
				f: 'Agnieszka, Katarzyna, Magdalena, Joanna',
				m: 'Piotr, Tomasz, Krzysztof, Marek',
				last: 'Nowak, Wójcik, Mazur, Krawczyk, Zając'
			},
			sr: {
				f: 'Shanti, Priya, Sharda, Anjali',
				m: 'Ravi, Rajesh, Anand, Sunil',
				last: 'Ramdin, Jagroep, Soekhoe, Baldew, Mahabier'
			},
			sy: {
				f: 'Rania, Lina, Yasmin, Huda, Noor, Amal, Rasha, Dima, Hiba, Salma',
				m: 'Omar, Ahmad, Khaled, Mahmoud, Hassan, Ali, Yousef, Tarek, Bashar, Rami',
				last: 'Al-Ahmad, Khalil, Al-Masri, Darwish, Hamdan, Najjar, Sabbagh, Al-Hussein, Shami'
			},
			er: {
				f: 'Senait, Helen, Mebrat, Selam, Feven, Saba',
				m: 'Dawit, Yonas, Tesfay, Semere, Filmon, Habte',
				last: 'Tesfamariam, Ghebremedhin, Berhane, Tekle, Haile, Gebremichael, Kidane'
			},
			af: {
				f: 'Zahra, Farzana, Parwana, Shabnam, Mariam',
				m: 'Mohammad, Hamid, Farid, Jawad, Nasir',
				last: 'Ahmadi, Rahimi, Karimi, Hashimi, Sultani, Noori'
			}
		}).map(([origin, n]) => [
			origin,
			{ f: n.f.split(', '), m: n.m.split(', '), last: n.last.split(', ') }
		])
	) as Record<Origin, { f: string[]; m: string[]; last: string[] }>;

/** Language a client of this origin reads best, if the gemeente offers it. */
export const HOME_LANGUAGE: Partial<Record<Origin, [string, number]>> = {
	sy: ['ar', 0.75],
	er: ['ti', 0.7],
	af: ['prs', 0.6],
	ma: ['ar', 0.12],
	tr: ['tr', 0.3],
	pl: ['en', 0.3]
};

export function personName(rng: Rng, origin: Origin, female: boolean): string {
	const n = NAMES[origin];
	return `${rng.pick(female ? n.f : n.m)} ${rng.pick(n.last)}`;
}
