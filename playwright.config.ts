import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

// Debian's Chromium only: nothing here downloads a browser.
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// A stray test.only must not pass CI with the rest of the suite skipped.
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		...devices['Pixel 5'],
		viewport: { width: 360, height: 740 },
		// A Dutch phone: the browser asks for Dutch (Accept-Language), as most clients' do.
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		},
		trace: 'off'
	},
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${PORT}/api/health`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			// The push spec's local push service uses a test certificate for localhost.
			NODE_EXTRA_CA_CERTS: 'tests/fixtures/push-endpoint.crt'
		}
	}
});
