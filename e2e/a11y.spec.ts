import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

/** Serious and critical axe violations, summarised so a failure names the rule and the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's own DOM (a third-party widget with its own accessibility mode) is judged by its authors.
    .exclude('.monaco-editor')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The main screens, each reached as a user would, from the one before. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'the first screen', open: async () => undefined },
  {
    name: 'the configuration',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Configuration' }).click();
      await expect(page.getByTestId('config')).toBeVisible();
    },
  },
  {
    name: 'an execution result',
    open: async (page) => {
      await page.getByTestId('test.run').click();
      await expect(page.getByTestId('result.status')).toBeVisible();
    },
  },
  {
    name: 'the resources',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Resources' }).click();
      await expect(page.getByTestId('resources')).toBeVisible();
    },
  },
  {
    name: 'the visualizers',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Visualizers' }).click();
      await expect(page.getByTestId('viz.panel')).toBeVisible();
    },
  },
  {
    name: 'a lesson with an exercise',
    open: async (page) => {
      await page.getByTestId('course.contents').click();
      await page.getByTestId('nav.lesson').nth(1).click();
      await expect(page.getByTestId('lesson')).toContainText('handler');
    },
  },
  {
    name: 'present mode with the lab visualizers',
    open: async (page) => {
      await page.getByTestId('instructor.toggle').check();
      await page.getByTestId('instructor.present').click();
      await page.getByTestId('presenter.visualizers').click();
      await expect(page.getByTestId('presenter').getByTestId('viz.panel')).toBeVisible();
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations on the main screens, ${theme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    const lab = new LabPage(page);
    await lab.open();
    await lab.waitForEditors();
    await lab.waitForPython();
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await screen.open(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[screen.name] = violations;
      await page.screenshot({
        path: test.info().outputPath(`${screen.name.replaceAll(' ', '-')}-${theme}.png`),
      });
    }
    expect(found).toEqual({});
  });
}
