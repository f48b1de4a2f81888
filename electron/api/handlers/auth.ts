import type { HandlerDeps, SomeHandlers } from '../handlers';

type AuthChannel =
  | 'auth.current'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.setup'
  | 'user.list'
  | 'user.add'
  | 'user.setActive'
  | 'user.resetPin';

export function authHandlers(d: Pick<HandlerDeps, 'session' | 'staff'>): SomeHandlers<AuthChannel> {
  return {
    'auth.current': () => d.session.current(),
    'auth.signIn': ({ userId, pin }) => d.session.signIn(userId, pin),
    'auth.signOut': () => d.session.signOut(),
    'auth.setup': ({ userId, name, pin }) => d.session.setup(userId, name, pin),
    'user.list': () => ({ users: d.staff.list() }),
    'user.add': (u) => d.staff.add(u),
    'user.setActive': ({ userId, active }) => d.staff.setActive(userId, active),
    'user.resetPin': ({ userId, pin }) => d.staff.resetPin(userId, pin),
  };
}
