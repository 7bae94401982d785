/**
 * Plugs the Lambda-aware completions and hovers (pythonCompletions.ts) into Monaco for Python, once per
 * page. They read the active function's handler setting and test event at the moment they are asked.
 */
import { useLabStore } from '../../store/labStore';
import { selectActiveFunction } from '../../store/workspaceSlice';
import { eventSamples } from './eventShapes';
import { monaco } from './monacoSetup';
import {
  type CompletionData,
  completionsAt,
  type EditorFacts,
  hoverAt,
  type ItemKind,
} from './pythonCompletions';

function currentFacts(): EditorFacts {
  const fn = selectActiveFunction(useLabStore.getState());
  return { handler: fn.handler, samples: eventSamples(fn.events[fn.activeEvent] ?? '', fn.activeEvent) };
}

const KINDS: Record<ItemKind, monaco.languages.CompletionItemKind> = {
  key: monaco.languages.CompletionItemKind.Field,
  property: monaco.languages.CompletionItemKind.Property,
  method: monaco.languages.CompletionItemKind.Method,
  module: monaco.languages.CompletionItemKind.Module,
  class: monaco.languages.CompletionItemKind.Class,
};

function toSuggestion(item: CompletionData, line: number, index: number): monaco.languages.CompletionItem {
  return {
    label: item.label,
    kind: KINDS[item.kind],
    insertText: item.insertText,
    ...(item.snippet
      ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
      : {}),
    detail: item.detail,
    documentation: { value: item.documentation },
    range: new monaco.Range(line, item.startColumn, line, item.endColumn),
    // The order the analysis chose (test event keys first, then the trigger's), not alphabetical.
    sortText: String(index).padStart(4, '0'),
  };
}

let registered = false;

export function registerPythonFeatures(facts: () => EditorFacts = currentFacts): void {
  if (registered) return;
  registered = true;
  const text = (model: monaco.editor.ITextModel) => model.getValue(monaco.editor.EndOfLinePreference.LF);
  monaco.languages.registerCompletionItemProvider('python', {
    triggerCharacters: ['.', '[', '"', "'", '('],
    provideCompletionItems(model, position) {
      const items = completionsAt(text(model), position.lineNumber, position.column, facts());
      return { suggestions: items.map((item, i) => toSuggestion(item, position.lineNumber, i)) };
    },
  });
  monaco.languages.registerHoverProvider('python', {
    provideHover(model, position) {
      const hover = hoverAt(text(model), position.lineNumber, position.column, facts());
      if (!hover) return null;
      return {
        contents: hover.contents.map((value) => ({ value })),
        range: new monaco.Range(position.lineNumber, hover.startColumn, position.lineNumber, hover.endColumn),
      };
    },
  });
}
