/**
 * The learner's AWS resources around Lambda, one tab per service: S3, SQS, DynamoDB, SNS, API Gateway.
 * Each tab reads the world after every change and acts through the console's API calls.
 */
import { useState } from 'react';
import { Tabs } from '../layout/Tabs';
import { ApiSection } from './ApiSection';
import { DynamoSection } from './DynamoSection';
import { FunctionUrlSection } from './FunctionUrlSection';
import { S3Section } from './S3Section';
import { SnsSection } from './SnsSection';
import { SqsSection } from './SqsSection';
import { WebSocketSection } from './WebSocketSection';
import './resources.css';
import './shared.css';

export type ResourceTab = 's3' | 'sqs' | 'ddb' | 'sns' | 'api' | 'ws' | 'url';

export function ResourcesPanel({ initialTab = 's3' }: { initialTab?: ResourceTab } = {}) {
  const [tab, setTab] = useState<ResourceTab>(initialTab);
  return (
    <div className="resources-panel" data-testid="resources">
      <Tabs<ResourceTab>
        label="AWS services"
        testId="resources.tab"
        className="res-tabs"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 's3', label: 'S3', render: () => <S3Section /> },
          { key: 'sqs', label: 'SQS', render: () => <SqsSection /> },
          { key: 'ddb', label: 'DynamoDB', render: () => <DynamoSection /> },
          { key: 'sns', label: 'SNS', render: () => <SnsSection /> },
          { key: 'api', label: 'API Gateway', render: () => <ApiSection /> },
          { key: 'ws', label: 'WebSocket', render: () => <WebSocketSection /> },
          { key: 'url', label: 'Function URLs', render: () => <FunctionUrlSection /> },
        ]}
      />
    </div>
  );
}

export default ResourcesPanel;
