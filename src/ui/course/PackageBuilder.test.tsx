// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { exerciseWorkspace } from '../../controller/lab/exerciseWorkspace';
import { useLabStore } from '../../store/labStore';
import { exercise } from './courseTesting';
import { PackageBuilder } from './PackageBuilder';

afterEach(cleanup);

const ex = exercise('09-packaging', 'zip-or-container');

function load(which: 'starter' | 'solution') {
  const { workspace } = exerciseWorkspace(ex, which);
  useLabStore.getState().replaceWorkspace(workspace);
}

describe('PackageBuilder', () => {
  it('measures the learner files: the starter is large and has no layer; the ML function is over the .zip limit', async () => {
    load('starter');
    render(<PackageBuilder exercise={ex} functions={['invoice-pdf', 'scan-reader']} />);
    fireEvent.click(screen.getByTestId('exercise.package.measure'));
    await waitFor(() => expect(document.querySelectorAll('.course-package-fn')).toHaveLength(2));
    const [invoice, reader] = [...document.querySelectorAll<HTMLElement>('.course-package-fn')];
    expect(invoice?.textContent).toContain('modeled: pandas 70 MB, numpy 40 MB');
    expect(invoice?.querySelectorAll('button').length).toBe(1);
    const failed = [...(reader?.querySelectorAll('.bad') ?? [])].map((li) => li.textContent);
    expect(failed).toEqual(['✗ .zip direct upload: 50 MB zipped', '✗ .zip with layers: 250 MB unzipped']);
  });

  it('offers the function and its layer as downloads once the layer is attached', async () => {
    load('solution');
    render(<PackageBuilder exercise={ex} functions={['invoice-pdf', 'scan-reader']} />);
    fireEvent.click(screen.getByTestId('exercise.package.measure'));
    await waitFor(() => expect(screen.getAllByTestId('exercise.package.download')).toHaveLength(2));
    expect(screen.getAllByTestId('exercise.package.download').map((b) => b.textContent)).toEqual([
      'Download invoice-pdf.zip (3 files)',
      'Download shared-utils.zip (1 files)',
    ]);
    expect(document.querySelector('[data-function="scan-reader"] h5')?.textContent).toContain(
      'container image',
    );
  });
});
