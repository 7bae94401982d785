import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';

export const DEFAULT_HANDLER_CODE = `import json


def lambda_handler(event, context):
    # Anything printed here appears under "Function Logs".
    name = event.get("name", "world")
    print(f"Saying hello to {name}")
    return {
        "statusCode": 200,
        "body": json.dumps(f"Hello, {name}! Greetings from Lambda Lab."),
    }
`;

export const DEFAULT_EVENT_JSON = `{
  "name": "student"
}
`;

export interface WorkspaceSlice {
  readonly code: string;
  readonly eventJson: string;
  readonly handler: string;
  setCode(code: string): void;
  setEventJson(eventJson: string): void;
}

export const createWorkspaceSlice: StateCreator<LabState, [], [], WorkspaceSlice> = (set) => ({
  code: DEFAULT_HANDLER_CODE,
  eventJson: DEFAULT_EVENT_JSON,
  handler: 'lambda_function.lambda_handler',
  setCode: (code) => set({ code }),
  setEventJson: (eventJson) => set({ eventJson }),
});
