/**
 * What the hub says to people travels as messages, on PGlite and PostgreSQL:
 * a refused change carries its message id and values (and the English), a
 * desktop says it in the agent's language, and one from before the id was
 * kept still shows its English; notifications the rules write do the same;
 * the hub's own error answers come in the language the request asks for.
 */
import { describe, expect, it } from 'vitest';
import { META } from '@core/db/schema';
import { PullResponseSchema } from '@core/sync/protocol';
import { formatRejection, formatSaid } from '@core/sync/said';
import { intlFor } from '../helpers/intl';
import { hubPerFile } from '../helpers/hub-per-file';
import { storageTargets } from '../helpers/storage-targets';

const targets = await storageTargets();

describe.each(targets)('messages for people on $label', (target) => {
  const skip = target.skipReason;
  const testHub = hubPerFile(target);
  const { signIn, desktops } = testHub;

  it.skipIf(skip)('a refused change carries its message id and values: the desktop says it in German, and so does a later pull', async () => {
    const ava = await signIn('ava');
    const ben = await signIn('ben');
    ava.link.online = false;
    await ava.mutate('contact.claim', { contactId: 'con_2' });
    await ben.mutate('contact.claim', { contactId: 'con_2' });
    await ben.sync();
    ava.link.online = true;
    await ava.sync();

    const [rejection] = await ava.db.rejections.toArray();
    expect(rejection).toMatchObject({ code: 'already_claimed', message: 'Ben already took this contact.', messageId: 'rejection.contact.alreadyTaken', values: { name: 'Ben' } });
    expect(formatRejection(intlFor('de'), rejection!)).toBe('Ben hat diesen Kontakt bereits übernommen.');
    expect(formatRejection(intlFor('es'), rejection!)).toBe('Ben ya ha tomado este contacto.');

    // The hub keeps them with the mutation: a pull from that mutation on returns them too.
    const clientId = await ava.db.getMeta<string>(META.clientId);
    const pulled = await testHub.hub.app.inject({
      method: 'GET',
      url: `/sync/pull?clientId=${clientId}&cursor=0&since=1&limit=1`,
      headers: { authorization: `Bearer ${ava.token}` },
    });
    expect(pulled.statusCode).toBe(200);
    const page = PullResponseSchema.parse(pulled.json());
    if (page.kind !== 'changes') throw new Error(`expected changes, got ${page.kind}`);
    expect(page.rejected).toEqual([{ id: rejection!.id, name: 'contact.claim', code: 'already_claimed', message: 'Ben already took this contact.', messageId: 'rejection.contact.alreadyTaken', values: { name: 'Ben' } }]);
  });

  it.skipIf(skip)('a rejection from before message ids were kept still shows its English, in any language', async () => {
    const ava = desktops[0]!;
    const clientId = await ava.db.getMeta<string>(META.clientId);
    // As a hub before this version logged it: the English only.
    await testHub.hub.storage.query("UPDATE mutations SET message_id = NULL, message_values = NULL WHERE client_id = $1 AND status = 'rejected'", [clientId]);
    const pulled = await testHub.hub.app.inject({
      method: 'GET',
      url: `/sync/pull?clientId=${clientId}&cursor=0&since=1&limit=1`,
      headers: { authorization: `Bearer ${ava.token}` },
    });
    const page = PullResponseSchema.parse(pulled.json());
    if (page.kind !== 'changes') throw new Error(`expected changes, got ${page.kind}`);
    const [old] = page.rejected;
    expect(old).toEqual({ id: expect.any(Number), name: 'contact.claim', code: 'already_claimed', message: 'Ben already took this contact.' });
    expect(formatRejection(intlFor('de'), old!)).toBe('Ben already took this contact.');
  });

  it.skipIf(skip)('a notification the rules write keeps its message: a German agent reads it in German, older rows their text', async () => {
    const sam = await signIn('sam');
    await sam.mutate('presence.setFor', { id: 'ntf-away-ava', userId: 'usr_ava', presence: 'after-contact-work' });
    await sam.sync();
    const ava = desktops[0]!;
    await ava.sync();
    const notification = await ava.db.notifications.get('ntf-away-ava');
    expect(notification).toMatchObject({ text: 'Sam set you to after-contact work.', textMessage: { id: 'notification.presence.set', values: { name: 'Sam', presence: 'afterContactWork' } } });
    expect(formatSaid(intlFor('de'), notification!.textMessage, notification!.text)).toBe('Sam hat Ihren Status auf „Nachbearbeitung“ gesetzt.');
    expect(formatSaid(intlFor('es'), notification!.textMessage, notification!.text)).toBe('Sam cambió tu estado a Trabajo posterior al contacto.');
    expect(formatSaid(intlFor('de'), undefined, 'Sam set you to away.')).toBe('Sam set you to away.');
  });

  it.skipIf(skip)('the hub answers a refused sign-in in the language asked for, with the message id; English when none it speaks', async () => {
    const login = (headers: Record<string, string>) =>
      testHub.hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '198.51.100.40', headers, payload: { username: 'ava', password: 'not her password' } });
    const spanish = await login({ 'accept-language': 'es' });
    expect(spanish.statusCode).toBe(401);
    expect(spanish.json()).toEqual({ statusCode: 401, error: 'bad_credentials', message: 'El nombre de usuario o la contraseña no son correctos.', messageId: 'hub.signIn.wrongPassword' });
    const german = await login({ 'accept-language': 'fr-CH, de-AT;q=0.8, en;q=0.5' });
    expect(german.json()).toMatchObject({ message: 'Benutzername oder Passwort ist falsch.', messageId: 'hub.signIn.wrongPassword' });
    const english = await login({ 'accept-language': 'fr, pt-BR;q=0.9' });
    expect(english.json()).toMatchObject({ message: 'Wrong user name or password.', messageId: 'hub.signIn.wrongPassword' });
    expect((await login({})).json()).toMatchObject({ message: 'Wrong user name or password.' });
  });

  it.skipIf(skip)('bad input, a bad token and a missing route are answered in Spanish too, with their values', async () => {
    const invalid = await testHub.hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'es-ES' }, payload: { username: 'ava', password: 'x', extra: 1 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ messageId: 'hub.request.invalid', message: "Solicitud no válida: “extra” no se puede indicar aquí." });
    const token = await testHub.hub.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { 'accept-language': 'es', authorization: 'Basic nope' } });
    expect(token.statusCode).toBe(401);
    expect(token.json()).toMatchObject({ message: 'El token de inicio de sesión no tiene un formato válido.', messageId: 'hub.session.tokenMalformed' });
    const missing = await testHub.hub.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1', headers: { 'accept-language': 'es' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ message: 'No hay ninguna ruta para GET /api/v1/nothing-here', messageId: 'hub.request.noRoute', values: { method: 'GET', path: '/api/v1/nothing-here' } });
  });
});
