// The sign-in page: a link from `bin/dev dashboard` carries a token in its fragment (#token=…), which no server ever
// receives. The page takes it out of the address bar at once, hands it to the gateway as Authorization, which answers
// with the HttpOnly session cookie, and goes on to the dashboard. The token is never stored by the page.
const status = document.getElementById('status');
const how = document.getElementById('how');

function show(message) {
  status.textContent = message;
  how.hidden = false;
}

async function signIn() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  history.replaceState(null, '', location.pathname);
  if (!token) {
    const session = await fetch('/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (session.ok && (await session.json()).signedIn) {
      location.replace('/');
      return;
    }
    show('ยังไม่ได้เข้าสู่ระบบ');
    return;
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
