const steps = Array.from({ length: 7 }, (_, i) => ({
	id: `step-${i + 1}`,
	title: `Stap ${i + 1}: iets doen voor je plan`,
	dueDate: `2027-01-${String(i + 10).padStart(2, '0')}`,
	done: i < 2
}));

export const load = () => ({ goal: 'Werk vinden dat bij mij past', steps });
