// The sign-in page. With the operator's identity provider: GET /session names it (providers), and its button starts
// the sign-in there (/oauth/login/oidc); the gateway comes back with the session cookie set and opens the dashboard, or
// here with #failed. Locally: a link from `bin/dev dashboard` carries a token in its fragment (#token=…), which no
// server ever receives. The page takes it out of the address bar at once, hands it to the gateway as Authorization,
// which answers with the HttpOnly session cookie, and goes on to the dashboard. The token is never stored by the page.
const status = document.getElementById('status');
const how = document.getElementById('how');
const providers = document.getElementById('providers');

function show(message) {
  status.textContent = message;
  how.hidden = false;
}

/** A button for each identity provider the gateway signs in with; none without one. */
function offer(session) {
  for (const provider of session.providers ?? []) {
    const link = document.createElement('a');
    link.className = 'provider';
    link.href = provider.login;
    link.textContent = 'เข้าสู่ระบบด้วยบัญชีหน่วยงาน';
    providers.append(link);
  }
  providers.hidden = providers.childElementCount === 0;
}

/** Whom a token names (its sub), to ask the reader; only shown, never trusted: the gateway checks the token. */
function subjectOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)))).sub ?? null;
  } catch (e) {
    return null;
  }
}

async function signIn() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  history.replaceState(null, '', location.pathname);
  if (!token) {
    const answer = await fetch('/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const session = answer.ok ? await answer.json() : {};
    if (session.signedIn) {
      location.replace('/');
      return;
    }
    offer(session);
    show(fragment.has('failed') ? 'เข้าสู่ระบบด้วยบัญชีหน่วยงานไม่สำเร็จ กรุณาลองอีกครั้ง' : 'ยังไม่ได้เข้าสู่ระบบ');
    return;
  }
  // a browser already signed in is asked before a link replaces its session (a link from anyone else would otherwise
  // sign it in as them without a word)
  const current = await fetch('/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => r.ok ? r.json() : {}, () => ({}));
  if (current.signedIn) {
    const question = document.getElementById('switch-question');
    question.textContent = 'ขณะนี้เข้าสู่ระบบเป็น ' + current.subject + ' อยู่แล้ว ต้องการเข้าสู่ระบบเป็น '
      + (subjectOf(token) ?? 'ผู้ใช้ของลิงก์นี้') + ' แทนหรือไม่';
    status.textContent = '';
    const choice = document.getElementById('switch');
    choice.hidden = false;
    await new Promise(resolve => document.getElementById('switch-yes').addEventListener('click', resolve, {once: true}));
    choice.hidden = true;
    status.textContent = 'กำลังเข้าสู่ระบบ…';
  }
  const answer = await fetch('/session', {
    method: 'POST', credentials: 'same-origin', headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}
  });
  if (answer.ok) {
    location.replace('/');
  } else if (answer.status === 401) {
    show('ลิงก์เข้าสู่ระบบนี้หมดอายุหรือไม่ถูกต้อง กรุณาขอลิงก์ใหม่');
  } else {
    show('เข้าสู่ระบบไม่สำเร็จ (' + answer.status + ') กรุณาลองอีกครั้ง');
  }
}

signIn().catch(() => show('เชื่อมต่อระบบไม่ได้ กรุณาลองอีกครั้ง'));
