/**
 * VPC: the lab models one VPC with two private subnets and a security group. A function inside it reaches
 * what is in the VPC, but outbound connections to the internet hang until the timeout (no NAT gateway).
 */
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { useLabStore } from '../../store/labStore';
import { Checkbox, Modeled, Section } from './fields';
import { useActiveDraft } from './useConfig';

export const LAB_SUBNETS = [
  { id: 'subnet-0a1b2c3d', zone: 'us-east-1a' },
  { id: 'subnet-0e4f5a6b', zone: 'us-east-1b' },
] as const;
export const LAB_SECURITY_GROUPS = [{ id: 'sg-0lab1234', name: 'default' }] as const;

const toggle = (list: readonly string[], id: string, on: boolean) =>
  on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);

export function VpcSection({ errors }: { errors: FieldErrors }) {
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const vpc = draft.vpc;
  return (
    <Section title="VPC" testId="config.vpc">
      <Checkbox
        checked={vpc.enabled}
        onChange={(enabled) =>
          patch({
            vpc:
              enabled && vpc.subnetIds.length === 0
                ? {
                    enabled,
                    subnetIds: LAB_SUBNETS.map((s) => s.id),
                    securityGroupIds: [LAB_SECURITY_GROUPS[0].id],
                  }
                : { ...vpc, enabled },
          })
        }
        label="Connect the function to the lab VPC (vpc-0lab5678)"
        hint={
          <>
            Inside a VPC the function gets network interfaces in your subnets: Lambda needs the role to allow
            ec2:CreateNetworkInterface (AWSLambdaVPCAccessExecutionRole). Without a NAT gateway, calls to the
            internet hang until the timeout <Modeled />, and Init takes a little longer <Modeled />.
          </>
        }
        testId="config.vpc.enabled"
      />
      {vpc.enabled ? (
        <div className="cfg-grid">
          <fieldset className="cfg-fieldset">
            <legend>Subnets</legend>
            {LAB_SUBNETS.map((s) => (
              <Checkbox
                key={s.id}
                checked={vpc.subnetIds.includes(s.id)}
                onChange={(on) => patch({ vpc: { ...vpc, subnetIds: toggle(vpc.subnetIds, s.id, on) } })}
                label={`${s.id} (${s.zone}, private)`}
                testId={`config.vpc.subnet.${s.id}`}
              />
            ))}
          </fieldset>
          <fieldset className="cfg-fieldset">
            <legend>Security groups</legend>
            {LAB_SECURITY_GROUPS.map((g) => (
              <Checkbox
                key={g.id}
                checked={vpc.securityGroupIds.includes(g.id)}
                onChange={(on) =>
                  patch({ vpc: { ...vpc, securityGroupIds: toggle(vpc.securityGroupIds, g.id, on) } })
                }
                label={`${g.id} (${g.name}: all outbound allowed)`}
                testId={`config.vpc.sg.${g.id}`}
              />
            ))}
          </fieldset>
        </div>
      ) : null}
      {errors.vpc ? (
        <p className="inline-error" role="alert" data-testid="config.vpc.error">
          {errors.vpc}
        </p>
      ) : null}
    </Section>
  );
}
