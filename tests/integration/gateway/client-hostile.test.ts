import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpayGateway } from '../../../electron/gateway/upay/client';
import { signBody } from '../../../electron/gateway/upay/sign';
import type { PayRequest } from '../../../electron/gateway/types';
import { json, paidReply, startHostileServer } from './hostile-server';

const KEY = 'hostile-test-key';
const req: PayRequest = {
  clientSn: 'T1',
  amountFen: 1250,
  authCode: '134567890123450001',
  subject: '矿泉水',
  operator: 'cashier-01',
};

describe('upay client against a hostile server (real HTTP on loopback)', () => {
  let server: Awaited<ReturnType<typeof startHostileServer>>;
  let gateway: ReturnType<typeof createUpayGateway>;

  beforeAll(async () => {
    server = await startHostileServer();
    gateway = createUpayGateway({
      baseUrl: server.url,
      terminalSn: 'TERM1',
      terminalKey: KEY,
      timeoutMs: 400,
    });
  });
  afterAll(() => server.close());

  it('sends the documented pay body, signed with MD5(body+key)', async () => {
    server.set(json(200, paidReply('T1', '1250')));
    const answer = await gateway.pay(req);
    expect(answer.outcome).toBe('PAID');
    const last = server.seen.at(-1);
    expect(last?.path).toBe('/upay/v2/pay');
    expect(JSON.parse(last?.body ?? '')).toEqual({
      terminal_sn: 'TERM1',
      client_sn: 'T1',
      total_amount: '1250',
      dynamic_id: '134567890123450001',
      subject: '矿泉水',
      operator: 'cashier-01',
    });
    expect(last?.authorization).toBe(`TERM1 ${signBody(last?.body ?? '', KEY)}`);
  });

  it('query by sn and cancel by client_sn hit their endpoints with that id only', async () => {
    server.set(
      json(200, {
        result_code: '200',
        biz_response: { result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' },
      }),
    );
    expect((await gateway.query({ sn: '7800000000000001' })).outcome).toBe('NOT_FOUND');
    expect(server.seen.at(-1)?.path).toBe('/upay/v2/query');
    expect(JSON.parse(server.seen.at(-1)?.body ?? '')).toEqual({
      terminal_sn: 'TERM1',
      sn: '7800000000000001',
    });
    await gateway.cancel({ clientSn: 'T1' });
    expect(server.seen.at(-1)?.path).toBe('/upay/v2/cancel');
    expect(JSON.parse(server.seen.at(-1)?.body ?? '')).toEqual({
      terminal_sn: 'TERM1',
      client_sn: 'T1',
    });
  });

  it.each([
    ['garbage text', json(200, 'not json at all <html>'), 'BAD_RESPONSE'],
    ['truncated JSON', json(200, '{"result_code":"200","biz_'), 'BAD_RESPONSE'],
    ['JSON of the wrong shape', json(200, { ok: true }), 'BAD_RESPONSE'],
    [
      'numeric result_code',
      json(200, { ...paidReply('T1', '1250'), result_code: 200 }),
      'BAD_RESPONSE',
    ],
    ['HTTP 500', json(500, 'Internal Server Error'), 'HTTP_500'],
    ['HTTP 502 with a paid-looking body', json(502, paidReply('T1', '1250')), 'HTTP_502'],
    [
      'result_code 500',
      json(200, { result_code: '500', error_code: 'UNKNOWN_SYSTEM_ERROR' }),
      'UNKNOWN_SYSTEM_ERROR',
    ],
    ['wrong amount', json(200, paidReply('T1', '1')), 'MISMATCH'],
    ['another client_sn', json(200, paidReply('T2', '1250')), 'MISMATCH'],
  ])('%s → UNKNOWN %s', async (_name, behaviour, code) => {
    server.set(behaviour);
    expect(await gateway.pay(req)).toMatchObject({ outcome: 'UNKNOWN', errorCode: code });
  });

  it('a server that never answers → UNKNOWN NETWORK_TIMEOUT', async () => {
    server.set(() => undefined);
    const started = Date.now();
    expect(await gateway.pay(req)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('headers then a stalled body → UNKNOWN NETWORK_TIMEOUT', async () => {
    server.set((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"result_code":"200",');
    });
    expect(await gateway.pay(req)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_TIMEOUT',
    });
  });

  it('a reset connection (TCP RST) → UNKNOWN NETWORK_ERROR naming ECONNRESET', async () => {
    server.set((r) => r.socket.resetAndDestroy());
    const a = await gateway.pay(req);
    expect(a).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'NETWORK_ERROR' });
    expect(a.errorMessage).toContain('ECONNRESET');
  });

  it('a connection closed without a reply → UNKNOWN NETWORK_ERROR', async () => {
    server.set((r) => r.socket.destroy());
    expect(await gateway.pay(req)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_ERROR',
    });
  });

  it('nothing listening → UNKNOWN NETWORK_ERROR (still never FAILED)', async () => {
    // Borrow a free port and release it, so the connection is refused rather than blocked.
    const probe = await startHostileServer();
    await probe.close();
    const dead = createUpayGateway({
      baseUrl: probe.url,
      terminalSn: 'T',
      terminalKey: 'k',
      timeoutMs: 400,
    });
    const a = await dead.pay(req);
    expect(a).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'NETWORK_ERROR' });
    expect(a.errorMessage).toContain('ECONNREFUSED');
  });
});
