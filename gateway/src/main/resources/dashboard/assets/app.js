// The Tambon dashboard: pages drawn from the gateway's views (/api/v1/overview, /api/v1/esas/{code}/report, …) with
// the browser's session cookie (HttpOnly: this script never sees the token). Thai first, Buddhist Era dates, baht with
// two decimals; nothing is loaded from anywhere but this gateway. Routes live in the fragment: #/overview,
// #/esas/{code}, each with ?fiscalYear= (BE).

const LANGUAGE_KEY = 'tambon.language'; // the only thing this page stores
const TEXT = {
  th: {
    skip: 'ข้ามไปยังเนื้อหา', programme: '1 ตำบล 1 โรงเรียนคุณภาพ', office: 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
    fiscalYear: 'ปีงบประมาณ', signOut: 'ออกจากระบบ', loading: 'กำลังโหลด…', trail: 'เส้นทาง',
    footer: 'ข้อมูลจากระบบโรงเรียนคุณภาพประจำตำบล · วันที่แสดงเป็นพุทธศักราช',
    nation: 'ภาพรวมระดับประเทศ', overviewTitle: 'ภาพรวมระดับประเทศ ปีงบประมาณ {0}',
    yearSpan: 'ปีงบประมาณ {0}: {1} – {2}', esas: 'สำนักงานเขตพื้นที่', esa: 'เขตพื้นที่', name: 'ชื่อ',
    province: 'จังหวัด', schools: 'โรงเรียน', qualitySchools: 'โรงเรียนคุณภาพ', activitiesHeld: 'กิจกรรมที่จัดแล้ว',
    participants: 'ผู้เข้าร่วม', certificates: 'เกียรติบัตร', allocated: 'งบประมาณที่ได้รับจัดสรร',
    committed: 'ผูกพันแล้ว', spent: 'เบิกจ่ายแล้ว', remaining: 'คงเหลือ', executionRate: 'ร้อยละการเบิกจ่าย',
    total: 'รวม', chartOverview: 'โรงเรียนคุณภาพและร้อยละการเบิกจ่ายรายเขตพื้นที่',
    chartOverviewLabel: 'แผนภูมิ: จำนวนโรงเรียนคุณภาพ (แท่ง) และร้อยละการเบิกจ่าย (เส้น) ของแต่ละเขตพื้นที่',
    percentAxis: 'ร้อยละการเบิกจ่าย', countAxis: 'จำนวนโรงเรียน', tableOverview: 'ตัวเลขรายเขตพื้นที่ (กดหัวคอลัมน์เพื่อเรียง)',
    downloads: 'ดาวน์โหลด', csv: 'CSV', xlsx: 'Excel (XLSX)', reportTitle: '{0}',
    keyFigures: 'ตัวเลขสำคัญ', heldByMonth: 'กิจกรรมที่จัดในแต่ละเดือน', heldAxis: 'จำนวนกิจกรรม',
    chartMonthsLabel: 'แผนภูมิแท่ง: จำนวนกิจกรรมที่จัดในแต่ละเดือนของปีงบประมาณ', month: 'เดือน', held: 'จัดแล้ว',
    budget: 'งบประมาณรายงวดและรายการ', round: 'งวดที่ {0}', line: 'รายการ', category: 'หมวด', purpose: 'วัตถุประสงค์',
    receivedOn: 'ได้รับเมื่อ', activities: 'กิจกรรม', date: 'วันที่', title: 'ชื่อกิจกรรม', type: 'ประเภท',
    state: 'สถานะ', funding: 'งบประมาณ', cost: 'ค่าใช้จ่ายจริง', noActivities: 'ไม่มีกิจกรรมในปีที่เลือก',
    worksCertificates: 'เกียรติบัตรและผลงาน', worksPresented: 'ผลงานที่นำเสนอ', worksSelected: 'ผลงานที่ได้รับคัดเลือก',
    worksForwarded: 'ผลงานที่เสนอ สพฐ.', fundingPending: 'รออนุมัติงบประมาณ', fundingOverdue: 'รออนุมัติเกินกำหนด',
    fundingRefused: 'ไม่อนุมัติงบประมาณ', noBudget: 'ยังไม่มีการจัดสรรงบประมาณในปีนี้', baht: 'บาท',
    stale: 'ข้อมูลส่วน{0}อาจไม่เป็นปัจจุบัน (ณ {1})', unavailable: 'ขณะนี้ไม่สามารถดึงข้อมูลส่วน{0}ได้',
    section_schools: 'ทะเบียนโรงเรียน', section_events: 'กิจกรรม', section_budget: 'งบประมาณ',
    notFound: 'ไม่พบหน้าที่ต้องการ', failed: 'โหลดข้อมูลไม่สำเร็จ', forbidden: 'บัญชีนี้ไม่มีสิทธิ์ดูข้อมูลนี้',
    costPerParticipant: 'ค่าใช้จ่ายต่อผู้เข้าร่วม', schoolsReached: 'โรงเรียนที่ได้รับประโยชน์',
    unknown: '—', of: 'จาก',
    qualitySchoolList: 'โรงเรียนคุณภาพของเขตพื้นที่', code: 'รหัส', school: 'โรงเรียน', tambon: 'ตำบล',
    district: 'อำเภอ', activeFrom: 'เริ่มเป็นโรงเรียนคุณภาพ', noSchools: 'ยังไม่มีโรงเรียนคุณภาพ',
    schoolTitle: '{0}', designations: 'ประวัติการเป็นโรงเรียนคุณภาพ', status: 'สถานะ', nominatedOn: 'เสนอชื่อเมื่อ',
    designatedOn: 'ประกาศเมื่อ', withdrawnOn: 'ถอนสถานะเมื่อ', networks: 'เครือข่าย', network: 'เครือข่าย',
    roleInNetwork: 'บทบาท', members: 'สมาชิก', plans: 'แผนพัฒนาโรงเรียน', plan: 'แผน', hosted: 'กิจกรรมที่เป็นเจ้าภาพ',
    attended: 'กิจกรรมที่เข้าร่วม', schoolCertificates: 'เกียรติบัตรของโรงเรียน', number: 'เลขที่',
    givenOn: 'ลงวันที่', pdf: 'PDF', verify: 'ตรวจสอบ', works: 'ผลงาน', ita: 'ผลการประเมิน ITA',
    spentOnHosted: 'ค่าใช้จ่ายกิจกรรมที่เป็นเจ้าภาพ', none: 'ไม่มี', level: 'ระดับ', score: 'คะแนน',
    activityTitle: '{0}', history: 'ความเป็นมาของกิจกรรม', change: 'การเปลี่ยนแปลง', recordedAt: 'เมื่อ',
    recordedBy: 'โดย', reason: 'หมายเหตุ', participation: 'ผู้เข้าร่วม', role: 'กลุ่ม', venue: 'สถานที่',
    organiser: 'ผู้จัด', chair: 'ประธาน', estimate: 'ประมาณการค่าใช้จ่าย', allCertificates: 'เกียรติบัตรทั้งหมด (PDF)',
    recipient: 'ผู้รับ', activityCertificates: 'เกียรติบัตร', noCertificates: 'ยังไม่มีการมอบเกียรติบัตร',
    partlyShown: 'แสดง {0} รายการแรกจากทั้งหมด {1} รายการ', refusedToken: 'บริการปฏิเสธบัญชีที่ใช้เข้าสู่ระบบ กรุณาติดต่อผู้ดูแลระบบ',
    asTable: 'ดูเป็นตาราง', wholeFiscalYear: 'ทั้งปีงบประมาณ {0}', academicYearOption: 'ปีการศึกษา {0}', truncated: 'แสดงเพียงบางส่วน', title_: 'ชื่อ', year: 'ปีงบประมาณ', academicYear: 'ปีการศึกษา',
  },
  en: {
    skip: 'Skip to content', programme: 'One Tambon, One Quality School', office: 'Office of the Basic Education Commission',
    fiscalYear: 'Fiscal year', signOut: 'Sign out', loading: 'Loading…', trail: 'Breadcrumb',
    footer: 'From the One Tambon, One Quality School system · years are fiscal years (BE)',
    nation: 'National overview', overviewTitle: 'National overview, fiscal year {0}',
    yearSpan: 'Fiscal year {0}: {1} – {2}', esas: 'ESAs', esa: 'ESA', name: 'Name', province: 'Province',
    schools: 'Schools', qualitySchools: 'Quality schools', activitiesHeld: 'Activities held', participants: 'Participants',
    certificates: 'Certificates', allocated: 'Allocated', committed: 'Committed', spent: 'Spent', remaining: 'Remaining',
    executionRate: 'Execution rate', total: 'Total', chartOverview: 'Quality schools and budget execution per ESA',
    chartOverviewLabel: 'Chart: quality schools (bars) and budget execution rate (line) per ESA',
    percentAxis: 'Execution rate (%)', countAxis: 'Schools', tableOverview: 'Figures per ESA (activate a column heading to sort)',
    downloads: 'Download', csv: 'CSV', xlsx: 'Excel (XLSX)', reportTitle: '{0}', keyFigures: 'Key figures',
    heldByMonth: 'Activities held per month', heldAxis: 'Activities',
    chartMonthsLabel: 'Bar chart: activities held in each month of the fiscal year', month: 'Month', held: 'Held',
    budget: 'Budget by round and line', round: 'Round {0}', line: 'Line', category: 'Category', purpose: 'Purpose',
    receivedOn: 'Received', activities: 'Activities', date: 'Date', title: 'Activity', type: 'Type', state: 'State',
    funding: 'Funding', cost: 'Actual cost', noActivities: 'No activities in the year chosen',
    worksCertificates: 'Certificates and works', worksPresented: 'Works presented', worksSelected: 'Works selected',
    worksForwarded: 'Works forwarded to OBEC', fundingPending: 'Funding pending', fundingOverdue: 'Funding overdue',
    fundingRefused: 'Funding refused', noBudget: 'No budget allocated this year', baht: 'baht',
    stale: 'The {0} figures may be out of date (as of {1})', unavailable: 'The {0} figures cannot be read right now',
    section_schools: 'schools registry', section_events: 'activities', section_budget: 'budget',
    notFound: 'No such page', failed: 'The figures could not be loaded', forbidden: 'This account may not read this',
    costPerParticipant: 'Cost per participant', schoolsReached: 'Schools reached', unknown: '—', of: 'of',
    qualitySchoolList: "The ESA's quality schools", code: 'Code', school: 'School', tambon: 'Tambon',
    district: 'District', activeFrom: 'Quality school since', noSchools: 'No quality schools yet',
    schoolTitle: '{0}', designations: 'Designation history', status: 'Status', nominatedOn: 'Nominated',
    designatedOn: 'Designated', withdrawnOn: 'Withdrawn', networks: 'Networks', network: 'Network',
    roleInNetwork: 'Role', members: 'Members', plans: 'Development plans', plan: 'Plan', hosted: 'Activities hosted',
    attended: 'Activities attended', schoolCertificates: "The school's certificates", number: 'Number',
    givenOn: 'Dated', pdf: 'PDF', verify: 'Verify', works: 'Works', ita: 'ITA results',
    spentOnHosted: 'Spent on activities hosted', none: 'None', level: 'Level', score: 'Score',
    activityTitle: '{0}', history: 'History', change: 'Change', recordedAt: 'When', recordedBy: 'By',
    reason: 'Note', participation: 'Participants', role: 'Group', venue: 'Venue', organiser: 'Organiser',
    chair: 'Chair', estimate: 'Estimated cost', allCertificates: 'All certificates (PDF)', recipient: 'Recipient',
    activityCertificates: 'Certificates', noCertificates: 'No certificates awarded yet', truncated: 'Partly shown',
    partlyShown: 'The first {0} of {1} shown', refusedToken: 'A service refused this sign-in: ask your administrator',
    asTable: 'Show as a table', wholeFiscalYear: 'All of fiscal year {0}', academicYearOption: 'Academic year {0}',
    title_: 'Title', year: 'Fiscal year', academicYear: 'Academic year',
  },
};
/**
 * Codes the services use, in Thai words, per kind of code (the same code means different things: OTHER is a budget
 * category and a participant group). In English the code itself is shown.
 */
const WORDS = {
  category: {OPERATING: 'งบดำเนินงาน', PERSONNEL: 'งบบุคลากร', INVESTMENT: 'งบลงทุน', SUBSIDY: 'งบเงินอุดหนุน',
    OTHER: 'งบรายจ่ายอื่น'},
  quality: {NONE: 'ยังไม่เป็นโรงเรียนคุณภาพ', NOMINATED: 'เสนอชื่อ', DESIGNATED: 'ประกาศเป็นโรงเรียนคุณภาพ',
    ACTIVE: 'เป็นโรงเรียนคุณภาพ', WITHDRAWN: 'ถอนสถานะ'},
  certificate: {VALID: 'ใช้ได้', REVOKED: 'ยกเลิกแล้ว'},
  // events-service's ActivityState labels
  state: {DRAFT: 'ร่าง', PLANNED: 'วางแผนแล้ว', FUNDING_REQUESTED: 'รอการอนุมัติงบประมาณ', FUNDED: 'ได้รับงบประมาณ',
    FUNDING_REJECTED: 'ไม่ได้รับงบประมาณ', HELD: 'ดำเนินการแล้ว', REPORTED: 'รายงานผลแล้ว', CLOSED: 'ปิดโครงการ',
    CANCELLED: 'ยกเลิก'},
  change: {DRAFTED: 'ร่างกิจกรรม', REVISED: 'แก้ไขรายละเอียด', PLANNED: 'วางแผนแล้ว',
    FUNDING_REQUESTED: 'ขออนุมัติงบประมาณ', FUNDING_REQUESTED_AGAIN: 'ขออนุมัติงบประมาณอีกครั้ง',
    FUNDED: 'ได้รับงบประมาณ', FUNDING_REJECTED: 'ไม่ได้รับงบประมาณ', HELD: 'จัดกิจกรรมแล้ว',
    PARTICIPATION_RECORDED: 'บันทึกผู้เข้าร่วม', REPORTED: 'รายงานผลแล้ว', COST_REPORTED_AGAIN: 'รายงานค่าใช้จ่ายอีกครั้ง',
    CLOSED: 'ปิดโครงการ', CANCELLED: 'ยกเลิก', EXPENDITURE_RECORDED: 'บันทึกการเบิกจ่าย',
    EXPENDITURE_REFUSED: 'การเบิกจ่ายถูกปฏิเสธ', COMMITMENT_RELEASED: 'คืนเงินที่ผูกพัน',
    COMMITMENT_CARRIED_OVER: 'กันเงินไว้เบิกเหลื่อมปี'},
  spending: {RECORDED: 'เบิกจ่ายแล้ว', REFUSED: 'การเบิกจ่ายถูกปฏิเสธ', RELEASED: 'คืนเงินที่ผูกพันแล้ว',
    CARRIED_OVER: 'กันเงินไว้เบิกเหลื่อมปี'},
  // events-service's ParticipantRole labels
  role: {SCHOOL_DIRECTOR: 'ผู้บริหารสถานศึกษา', TEACHER: 'ครู', SUPERVISOR: 'ศึกษานิเทศก์', STAFF: 'บุคลากร',
    STUDENT: 'นักเรียน', COMMITTEE: 'คณะกรรมการ', OTHER: 'อื่น ๆ'},
  network: {CHAIR: 'ประธานเครือข่าย', MEMBER: 'สมาชิก'},
  plan: {DRAFT: 'ร่าง', SUBMITTED: 'ส่งแล้ว', APPROVED: 'อนุมัติแล้ว', RETURNED: 'ส่งกลับให้แก้ไข'},
  // events-service's WorkStatus labels
  work: {PRESENTED: 'นำเสนอแล้ว', SELECTED: 'ได้รับการคัดเลือก', NOT_SELECTED: 'ไม่ได้รับการคัดเลือก',
    FORWARDED: 'ส่งต่อ สพฐ. แล้ว'},
};
const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน',
  'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

let language = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'th';
let session = null;
let charts = [];

// ---------------------------------------------------------------------------------------------------------------------
// words, numbers and dates

function t(key, ...args) {
  const text = TEXT[language][key] ?? TEXT.th[key] ?? key;
  return text.replace(/\{(\d)}/g, (_, i) => args[Number(i)] ?? '');
}

/** "218700.00" (or a JSON number) → "218,700.00", from the decimal's digits, never through floating point. */
export function amount(value) {
  if (value === null || value === undefined || value === '') {
    return t('unknown');
  }
  const text = typeof value === 'number' ? value.toFixed(2) : String(value);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + '.' + (fraction + '00').slice(0, 2);
}

/** "218,700.00 บาท" */
export function baht(value) {
  return value === null || value === undefined ? t('unknown') : amount(value) + ' ' + t('baht');
}

export function count(value) {
  return value === null || value === undefined ? t('unknown') : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A code of a kind in words (category OPERATING: งบดำเนินงาน); the code itself in English or when no word is known. */
function word(kind, code) {
  if (code === null || code === undefined) {
    return t('unknown');
  }
  return language === 'th' ? WORDS[kind]?.[code] ?? code : code;
}

/** "2020-09-28T08:30:00Z" → "28 กันยายน 2563 15:30" in Bangkok's time. */
function moment(iso) {
  if (!iso) {
    return t('unknown');
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Bangkok', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(new Date(iso))
    .map(part => [part.type, part.value]));
  return date(`${parts.year}-${parts.month}-${parts.day}`) + ' ' + parts.hour + ':' + parts.minute;
}

function percent(value) {
  return value === null || value === undefined ? t('unknown') : value + ' %';
}

/** "2020-09-28" → "28 กันยายน 2563" (Buddhist Era) in Thai, "28 September 2020" in English. */
export function date(iso) {
  if (!iso) {
    return t('unknown');
  }
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return language === 'th'
    ? `${day} ${THAI_MONTHS[month - 1]} ${year + 543}`
    : `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** "2020-09" → "กันยายน 2563" */
function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return language === 'th' ? `${THAI_MONTHS[month - 1]} ${year + 543}` : `${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** The fiscal year (BE) of today in Bangkok: October starts the next one. */
export function currentFiscalYear(now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone: 'Asia/Bangkok', year: 'numeric',
    month: 'numeric'}).formatToParts(now).map(part => [part.type, part.value]));
  const year = Number(parts.year);
  return (Number(parts.month) >= 10 ? year + 1 : year) + 543;
}

// ---------------------------------------------------------------------------------------------------------------------
// the page's elements

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A key figure: its label and its value (data-figure names it, prefixed by its section when one is given). */
function figure(key, value, money = false, section = '') {
  const name = section ? section + '-' + key : key;
  return h('div', {class: 'figure'}, h('span', {class: 'label', id: 'figure-' + name}, t(key)),
    h('span', {class: 'value' + (money ? ' money' : ''), 'data-figure': name, 'aria-labelledby': 'figure-' + name},
      value));
}

function downloads(path) {
  const join = path.includes('?') ? '&' : '?';
  return h('p', {class: 'downloads'}, h('span', {}, t('downloads') + ':'),
    h('a', {href: path + join + 'format=csv', download: ''}, t('csv')),
    h('a', {href: path + join + 'format=xlsx', download: ''}, t('xlsx')));
}

function sectionNotices(view) {
  return Object.entries(view.sections ?? {}).filter(([, status]) => status !== 'OK').map(([section, status]) =>
    h('p', {class: 'notice', role: 'status'}, status === 'STALE'
      ? t('stale', t('section_' + section), new Date(view.staleAsOf?.[section]).toLocaleString(
        language === 'th' ? 'th-TH' : 'en-GB', {timeZone: 'Asia/Bangkok'}))
      : t('unavailable', t('section_' + section))));
}

function tableWrap(label, table) {
  return h('div', {class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0'}, table);
}

function crumbs(...steps) {
  const trail = document.getElementById('crumbs');
  trail.setAttribute('aria-label', t('trail'));
  trail.replaceChildren(h('ol', {}, steps.map((step, i) => h('li', {},
    i === steps.length - 1 ? h('span', {'aria-current': 'page'}, step.label) : h('a', {href: step.href}, step.label)))));
}

function chart(canvas, config) {
  if (!window.Chart) {
    return;
  }
  Chart.defaults.font.family = "'Sarabun', 'Noto Sans Thai', sans-serif";
  Chart.defaults.font.size = 14;
  charts.push(new Chart(canvas, config));
}

// ---------------------------------------------------------------------------------------------------------------------
// talking to the gateway

class Refused extends Error {
  constructor(status, problem, signedOut = false) {
    super(problem?.detail ?? String(status));
    this.status = status;
    this.signedOut = signedOut;
  }
}

/** Thrown when the reader asked for another page before this one's data came: it is never drawn. */
const SUPERSEDED = new Error('superseded');
let turn = 0;

async function api(path) {
  const answer = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (answer.status === 401) {
    // signed out (the token expired): to the sign-in page; still signed in, a service refused the token: say so here,
    // or the sign-in page would send the browser straight back
    const still = path !== '/session' && await fetch('/session', {credentials: 'same-origin',
      headers: {Accept: 'application/json'}}).then(r => r.ok ? r.json() : {}).then(who => who.signedIn, () => false);
    if (!still) {
      location.replace('/signin');
    }
    throw new Refused(401, {detail: t('refusedToken')}, !still);
  }
  if (!answer.ok) {
    throw new Refused(answer.status, await answer.json().catch(() => null));
  }
  return answer.json();
}

// ---------------------------------------------------------------------------------------------------------------------
// routes

function route() {
  // only #/… is a route: any other fragment (an in-page anchor) leaves the page as it is
  const [path, query = ''] = (location.hash.startsWith('#/') ? location.hash.slice(1) : '').split('?');
  const parameters = new URLSearchParams(query);
  const year = Number(parameters.get('fiscalYear'));
  const academic = Number(parameters.get('academicYear'));
  return {path: path || '', fiscalYear: year >= 2543 && year <= 2643 ? year : currentFiscalYear(),
    academicYear: academic >= 2543 && academic <= 2643 ? academic : null};
}

function startOf(who) {
  const roles = who.roles ?? [];
  if (roles.includes('ESA_OFFICER') && who.esa) {
    return '#/esas/' + encodeURIComponent(who.esa);
  }
  if (roles.includes('SCHOOL_DIRECTOR') && who.school) {
    return '#/schools/' + encodeURIComponent(who.school);
  }
  return '#/overview';
}

function link(path, fiscalYear) {
  return '#' + path + '?fiscalYear=' + fiscalYear;
}

async function render() {
  charts.forEach(c => c.destroy());
  charts = [];
  const {path, fiscalYear, academicYear} = route();
  if (!path) {
    location.replace(startOf(session));
    return;
  }
  performance.mark('tambon:page-asked');
  const mine = ++turn;
  const wanted = () => {
    if (mine !== turn) {
      throw SUPERSEDED;
    }
  };
  yearChoice(fiscalYear);
  const main = document.getElementById('main');
  main.replaceChildren(h('p', {class: 'loading'}, t('loading')));
  let match;
  try {
    if (path === '/overview') {
      await overview(main, fiscalYear, wanted);
    } else if ((match = path.match(/^\/esas\/([^/]+)$/))) {
      await esaReport(main, decodeURIComponent(match[1]), fiscalYear, academicYear, wanted);
    } else if ((match = path.match(/^\/schools\/([^/]+)$/))) {
      await schoolProfile(main, decodeURIComponent(match[1]), fiscalYear, wanted);
    } else if ((match = path.match(/^\/activities\/([^/]+)$/))) {
      await activityPage(main, decodeURIComponent(match[1]), fiscalYear, wanted);
    } else {
      crumbs({label: t('notFound')});
      main.replaceChildren(h('h1', {}, t('notFound')));
    }
  } catch (e) {
    if (e === SUPERSEDED || (e instanceof Refused && e.signedOut) || mine !== turn) {
      return;
    }
    main.replaceChildren(h('h1', {}, e instanceof Refused && e.status === 403 ? t('forbidden') : t('failed')),
      h('p', {class: 'error', role: 'alert'}, e.message));
  }
  if (mine !== turn) {
    return;
  }
  document.title = (main.querySelector('h1')?.textContent ?? '') + ' — ' + t('programme');
  // drawn, its links and controls live: how soon is measured by the browser test (docs/benchmarks.md), never judged
  performance.mark('tambon:page-ready');
}

function yearChoice(selected) {
  const select = document.getElementById('fiscal-year');
  const last = Math.max(currentFiscalYear() + 1, selected);
  const options = [];
  for (let year = last; year >= 2563; year--) {
    options.push(h('option', {value: String(year), selected: year === selected}, String(year)));
  }
  if (selected < 2563) {
    options.push(h('option', {value: String(selected), selected: true}, String(selected)));
  }
  select.replaceChildren(...options);
}

// ---------------------------------------------------------------------------------------------------------------------
// national overview

const OVERVIEW_COLUMNS = [
  {key: 'esa', text: true}, {key: 'nameTh', label: 'name', text: true}, {key: 'province', text: true},
  {key: 'qualitySchools'}, {key: 'activitiesHeld'}, {key: 'participantsTotal', label: 'participants'},
  {key: 'certificatesAwarded', label: 'certificates'}, {key: 'allocated', money: true},
  {key: 'committed', money: true}, {key: 'spent', money: true}, {key: 'remaining', money: true},
  {key: 'executionRate', percent: true},
];

async function overview(main, fiscalYear, wanted) {
  const path = `/api/v1/overview?fiscalYear=${fiscalYear}&size=500`;
  const view = await api(path);
  wanted();
  crumbs({label: t('nation')});
  const rows = [...view.items];
  let order = {key: 'esa', descending: false};
  const body = h('tbody');
  const headings = OVERVIEW_COLUMNS.map(column => h('th', {scope: 'col', class: column.text ? '' : 'num',
    'aria-sort': column.key === order.key ? 'ascending' : 'none'},
  h('button', {type: 'button', class: 'sort', onclick: () => sortBy(column)}, t(column.label ?? column.key))));
  const cell = (row, column) => {
    const value = row[column.key];
    if (column.key === 'esa') {
      return h('td', {}, h('a', {href: link('/esas/' + encodeURIComponent(value), fiscalYear)}, value));
    }
    if (column.key === 'nameTh') {
      return h('td', {class: 'name'}, value ?? t('unknown'));
    }
    const shown = column.money ? amount(value) : column.percent ? percent(value)
      : column.text ? (value ?? t('unknown')) : count(value);
    return h('td', {class: column.text ? '' : 'num'}, shown);
  };
  const fill = () => body.replaceChildren(...rows.map(row =>
    h('tr', {'data-esa': row.esa}, OVERVIEW_COLUMNS.map(column => cell(row, column)))));
  const sortBy = column => {
    order = {key: column.key, descending: order.key === column.key ? !order.descending : false};
    const value = row => row[column.key];
    rows.sort((a, b) => {
      const x = value(a), y = value(b);
      if (x === null || x === undefined) return y === null || y === undefined ? a.esa.localeCompare(b.esa, 'th', {numeric: true}) : 1;
      if (y === null || y === undefined) return -1;
      const compared = column.text ? String(x).localeCompare(String(y), 'th', {numeric: true}) : Number(x) - Number(y);
      return (order.descending ? -compared : compared) || a.esa.localeCompare(b.esa, 'th', {numeric: true});
    });
    headings.forEach((th, i) => th.setAttribute('aria-sort', OVERVIEW_COLUMNS[i].key !== order.key ? 'none'
      : order.descending ? 'descending' : 'ascending'));
    fill();
  };
  fill();
  const totals = view.totals ?? {};
  const foot = h('tfoot', {}, h('tr', {}, OVERVIEW_COLUMNS.map((column, i) => i === 0
    ? h('td', {}, t('total')) : column.text ? h('td', {}, '') : cell(totals, column))));
  const canvas = h('canvas', {role: 'img', 'aria-label': t('chartOverviewLabel')});
  main.replaceChildren(
    h('h1', {}, t('overviewTitle', fiscalYear)),
    h('p', {class: 'sub'}, t('yearSpan', fiscalYear, date(view.firstDay), date(view.lastDay))),
    ...sectionNotices(view),
    downloads(path),
    h('section', {'aria-labelledby': 'key-figures'}, h('h2', {id: 'key-figures'}, t('keyFigures')),
      h('div', {class: 'figures'},
        figure('esas', count(view.totalItems)), figure('qualitySchools', count(totals.qualitySchools)),
        figure('activitiesHeld', count(totals.activitiesHeld)), figure('participants', count(totals.participantsTotal)),
        figure('allocated', baht(totals.allocated), true), figure('spent', baht(totals.spent), true),
        figure('executionRate', percent(totals.executionRate)))),
    h('section', {class: 'panel', 'aria-labelledby': 'overview-chart'},
      h('h2', {id: 'overview-chart'}, t('chartOverview')), h('div', {class: 'chart'}, canvas)),
    h('h2', {id: 'overview-figures'}, t('tableOverview')),
    tableWrap(t('tableOverview'), h('table', {id: 'overview-table'},
      h('thead', {}, h('tr', {}, headings)), body, foot)));
  chart(canvas, {
    data: {
      labels: rows.map(row => row.esa),
      datasets: [
        {type: 'bar', label: t('qualitySchools'), data: rows.map(row => row.qualitySchools ?? 0),
          backgroundColor: '#0b5fa5', maxBarThickness: 48, yAxisID: 'schools'},
        {type: 'line', label: t('executionRate'), data: rows.map(row => row.executionRate === null
          ? null : Number(row.executionRate)), borderColor: '#a4262c', backgroundColor: '#a4262c', yAxisID: 'rate'},
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: {
        schools: {type: 'linear', position: 'left', beginAtZero: true, ticks: {precision: 0},
          title: {display: true, text: t('countAxis')}},
        rate: {type: 'linear', position: 'right', beginAtZero: true, suggestedMax: 100,
          title: {display: true, text: t('percentAxis')}, grid: {drawOnChartArea: false}},
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// an ESA's report

/**
 * An activity's funding in words: a request budget-service has not answered is pending, or overdue once events-service
 * lists it so (past its reply deadline, GET /api/v1/activities/funding/overdue); then what was spent or refused.
 */
function fundingState(activity, overdue = new Set()) {
  if (activity.state === 'FUNDING_REQUESTED') {
    const late = overdue.has(activity.id);
    return h('span', {class: 'state ' + (late ? 'overdue' : 'pending')}, t(late ? 'fundingOverdue' : 'fundingPending'));
  }
  if (activity.state === 'FUNDING_REJECTED') {
    return h('span', {class: 'state overdue'}, t('fundingRefused'));
  }
  if (!activity.funding) {
    return t('unknown');
  }
  if (activity.funding.spending) {
    return h('span', {title: activity.funding.spendingMessage ?? ''}, word('spending', activity.funding.spending));
  }
  return baht(activity.funding.estimate);
}

function budgetTable(budget) {
  const money = m => [h('td', {class: 'num'}, amount(m.allocated)), h('td', {class: 'num'}, amount(m.committed)),
    h('td', {class: 'num'}, amount(m.spent)), h('td', {class: 'num'}, amount(m.remaining)),
    h('td', {class: 'num'}, percent(m.executionRate))];
  const rows = [];
  for (const round of budget.rounds) {
    rows.push(h('tr', {class: 'round', 'data-round': round.round},
      h('th', {scope: 'row', colspan: 3}, t('round', round.round),
        round.receivedOn ? ' · ' + t('receivedOn') + ' ' + date(round.receivedOn) : ''), ...money(round.money)));
    for (const line of round.lines) {
      rows.push(h('tr', {'data-round': round.round, 'data-line': line.line}, h('td', {}, String(line.line)),
        h('td', {}, word('category', line.category)), h('td', {class: 'purpose'}, line.purposeTh ?? ''), ...money(line.money)));
    }
  }
  return h('table', {id: 'budget-table'},
    h('thead', {}, h('tr', {}, [t('line'), t('category'), t('purpose')].map(text => h('th', {scope: 'col'}, text)),
      ['allocated', 'committed', 'spent', 'remaining', 'executionRate'].map(key =>
        h('th', {scope: 'col', class: 'num'}, t(key))))),
    h('tbody', {}, rows));
}

/**
 * The academic years (BE) a fiscal year overlaps: FY2563 runs October 2562 to September 2563, in academic years 2562
 * (from May 2562) and 2563 (from May 2563).
 */
function academicYearsOf(fiscalYear) {
  return [fiscalYear - 1, fiscalYear];
}

function academicYearChoice(code, fiscalYear, academicYear) {
  const select = h('select', {id: 'academic-year', onchange: event => {
    location.hash = link('/esas/' + encodeURIComponent(code), fiscalYear)
      + (event.target.value ? '&academicYear=' + event.target.value : '');
  }}, h('option', {value: '', selected: academicYear === null}, t('wholeFiscalYear', fiscalYear)),
  academicYearsOf(fiscalYear).map(year => h('option', {value: String(year), selected: year === academicYear},
    t('academicYearOption', year))));
  return h('p', {class: 'choice'}, h('label', {for: 'academic-year'}, t('academicYear')), ' ', select);
}

async function esaReport(main, code, fiscalYear, academicYear, wanted) {
  const path = `/api/v1/esas/${encodeURIComponent(code)}/report?fiscalYear=${fiscalYear}`;
  const [report, activities, schools, overdue] = await Promise.all([api(path),
    api(`/api/v1/activities?esa=${encodeURIComponent(code)}&` + (academicYear === null ? `fiscalYear=${fiscalYear}`
      : `academicYear=${academicYear}`) + '&size=200&sort=startsOn')
      .catch(e => ({failed: e})),
    api(`/api/v1/quality-schools?esa=${encodeURIComponent(code)}&fiscalYear=${fiscalYear}&size=500`)
      .catch(e => ({failed: e})),
    // only OBEC and the ESA's officers may see it; anyone else sees requests as pending
    api(`/api/v1/activities/funding/overdue?esa=${encodeURIComponent(code)}&size=500`).catch(() => ({items: []}))]);
  wanted();
  const late = new Set(overdue.items.map(item => item.id));
  const name = report.office ? (language === 'en' && report.office.nameEn ? report.office.nameEn : report.office.nameTh)
    : code;
  const nationwide = (session.roles ?? []).some(role => role === 'OBEC_ADMIN' || role === 'VIEWER');
  crumbs(...(nationwide ? [{label: t('nation'), href: link('/overview', fiscalYear)}] : []), {label: code});
  const canvas = h('canvas', {role: 'img', 'aria-label': t('chartMonthsLabel')});
  const months = report.activities?.heldByMonth ?? [];
  const activityRows = activities.failed ? [] : activities.items;
  main.replaceChildren(
    h('h1', {}, name, ' ', h('span', {class: 'code'}, '(' + code + ')')),
    h('p', {class: 'sub'}, t('yearSpan', fiscalYear, date(report.firstDay), date(report.lastDay))),
    ...sectionNotices(report),
    downloads(path),
    h('section', {'aria-labelledby': 'key-figures'}, h('h2', {id: 'key-figures'}, t('keyFigures')),
      h('div', {class: 'figures'},
        figure('qualitySchools', count(report.qualitySchools)), figure('activitiesHeld', count(report.activitiesHeld)),
        figure('participants', count(report.participantsTotal)), figure('certificates', count(report.certificatesAwarded)),
        figure('allocated', baht(report.allocated), true), figure('committed', baht(report.committed), true),
        figure('spent', baht(report.spent), true), figure('remaining', baht(report.remaining), true),
        figure('executionRate', percent(report.executionRate)))),
    h('section', {class: 'panel', 'aria-labelledby': 'months'}, h('h2', {id: 'months'}, t('heldByMonth')),
      h('div', {class: 'chart'}, canvas),
      h('details', {}, h('summary', {}, t('asTable')), tableWrap(t('heldByMonth'), h('table', {id: 'months-table'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('month')), h('th', {scope: 'col', class: 'num'}, t('held')))),
        h('tbody', {}, months.map(m => h('tr', {}, h('td', {}, monthName(m.month)), h('td', {class: 'num'}, count(m.held))))))))),
    h('section', {'aria-labelledby': 'budget'}, h('h2', {id: 'budget'}, t('budget')),
      report.budget && report.budget.rounds.length
        ? tableWrap(t('budget'), budgetTable(report.budget))
        : h('p', {}, report.budget ? t('noBudget') : t('unknown'))),
    h('section', {'aria-labelledby': 'activities'}, h('h2', {id: 'activities'}, t('activities')),
      academicYearChoice(code, fiscalYear, academicYear),
      activities.failed ? h('p', {class: 'notice', role: 'status'}, t('unavailable', t('section_events')))
        : activityRows.length === 0 ? h('p', {}, t('noActivities'))
          : tableWrap(t('activities'), h('table', {id: 'activities-table'},
            h('thead', {}, h('tr', {}, ['date', 'title', 'type', 'state', 'funding'].map(key =>
              h('th', {scope: 'col'}, t(key))), h('th', {scope: 'col', class: 'num'}, t('cost')))),
            h('tbody', {}, activityRows.map(a => h('tr', {'data-activity': a.id},
              h('td', {}, date(a.startsOn)), h('td', {class: 'name'}, activityLink(a, fiscalYear)), h('td', {}, a.typeTh ?? a.type),
              h('td', {}, h('span', {class: 'state' + (a.state === 'REPORTED' || a.state === 'CLOSED' ? ' done' : '')},
                language === 'th' ? (a.stateTh ?? a.state) : a.state)),
              h('td', {}, fundingState(a, late)),
              h('td', {class: 'num'}, a.actualCost === null || a.actualCost === undefined ? t('unknown')
                : amount(a.actualCost))))))),
      ...partly(activities)),
    h('section', {'aria-labelledby': 'schools'}, h('h2', {id: 'schools'}, t('qualitySchoolList')),
      schools.failed ? h('p', {class: 'notice', role: 'status'}, t('unavailable', t('section_schools')))
        : schools.items.length === 0 ? h('p', {}, t('noSchools'))
          : tableWrap(t('qualitySchoolList'), h('table', {id: 'schools-table'},
            h('thead', {}, h('tr', {}, ['code', 'school', 'tambon', 'activeFrom'].map(key =>
              h('th', {scope: 'col'}, t(key))))),
            h('tbody', {}, schools.items.map(q => h('tr', {'data-school': q.school},
              h('td', {}, h('a', {href: link('/schools/' + encodeURIComponent(q.school), fiscalYear)}, q.school)),
              h('td', {class: 'name'}, q.nameTh), h('td', {}, q.tambon ?? t('unknown')), h('td', {}, date(q.activeFrom))))))),
      ...partly(schools)),
    h('section', {'aria-labelledby': 'works'}, h('h2', {id: 'works'}, t('worksCertificates')),
      h('div', {class: 'figures'}, figure('certificates', count(report.certificatesAwarded), false, 'works'),
        figure('worksPresented', count(report.works?.presented)), figure('worksSelected', count(report.works?.selected)),
        figure('worksForwarded', count(report.works?.forwarded)),
        figure('schoolsReached', count(report.outcomes?.schoolsReached)),
        figure('costPerParticipant', baht(report.outcomes?.costPerParticipant), true))));
  chart(canvas, {
    type: 'bar',
    data: {labels: months.map(m => monthName(m.month)),
      datasets: [{label: t('held'), data: months.map(m => m.held), backgroundColor: '#0b5fa5', maxBarThickness: 48}]},
    options: {maintainAspectRatio: false, animation: false, plugins: {legend: {display: false}},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: t('heldAxis')}}}},
  });
}

function activityLink(activity, fiscalYear) {
  return h('a', {href: link('/activities/' + encodeURIComponent(activity.id), fiscalYear)}, activity.titleTh);
}

function table(id, label, headings, rows) {
  return tableWrap(label, h('table', {id},
    h('thead', {}, h('tr', {}, headings.map(heading => typeof heading === 'string'
      ? h('th', {scope: 'col'}, t(heading)) : h('th', {scope: 'col', class: 'num'}, t(heading.num))))),
    h('tbody', {}, rows)));
}

/** A notice under a list the page shows only the first page of. */
function partly(page) {
  return !page.failed && page.totalItems > page.items.length
    ? [h('p', {class: 'notice', role: 'status'}, t('partlyShown', count(page.items.length), count(page.totalItems)))] : [];
}

function listOrNone(items, draw) {
  return items && items.length ? draw(items) : h('p', {}, t('none'));
}

function trail(fiscalYear, esa, ...rest) {
  const nationwide = (session.roles ?? []).some(role => role === 'OBEC_ADMIN' || role === 'VIEWER');
  crumbs(...(nationwide ? [{label: t('nation'), href: link('/overview', fiscalYear)}] : []),
    ...(esa ? [{label: esa, href: link('/esas/' + encodeURIComponent(esa), fiscalYear)}] : []), ...rest);
}

// ---------------------------------------------------------------------------------------------------------------------
// a school's profile

async function schoolProfile(main, code, fiscalYear, wanted) {
  const path = `/api/v1/schools/${encodeURIComponent(code)}/report?fiscalYear=${fiscalYear}`;
  const report = await api(path);
  wanted();
  const school = report.school ?? {code};
  trail(fiscalYear, school.esa, {label: school.nameTh ?? code});
  const activityRows = items => items.map(a => h('tr', {'data-activity': a.id},
    h('td', {}, date(a.startsOn)), h('td', {class: 'name'}, activityLink(a, fiscalYear)), h('td', {}, word('state', a.state)),
    h('td', {class: 'num'}, count(a.participants)),
    h('td', {class: 'num'}, a.actualCost === null || a.actualCost === undefined ? t('unknown') : amount(a.actualCost))));
  const activityHeadings = ['date', 'title', 'state', {num: 'participants'}, {num: 'cost'}];
  main.replaceChildren(
    h('h1', {}, school.nameTh ?? code, ' ', h('span', {class: 'code'}, '(' + code + ')')),
    h('p', {class: 'sub'}, [school.tambon, school.district, school.province].filter(Boolean).join(' · '),
      school.qualityStatus ? ' · ' + word('quality', school.qualityStatus) : ''),
    ...sectionNotices(report),
    downloads(path),
    h('div', {class: 'figures'},
      figure('hosted', count(report.hosted?.length)), figure('attended', count(report.attended?.length)),
      figure('certificates', count(report.certificates?.length)),
      figure('spentOnHosted', baht(report.spentOnHosted), true)),
    h('h2', {}, t('designations')),
    listOrNone(report.designations, items => table('designations-table', t('designations'),
      ['status', 'nominatedOn', 'designatedOn', 'activeFrom', 'withdrawnOn'],
      items.map(d => h('tr', {}, h('td', {}, word('quality', d.status)), h('td', {}, date(d.nominatedOn)),
        h('td', {}, date(d.designatedOn)), h('td', {}, date(d.activeFrom)), h('td', {}, date(d.withdrawnOn)))))),
    h('h2', {}, t('networks')),
    listOrNone(report.networks, items => table('networks-table', t('networks'), ['network', 'chair',
      'roleInNetwork', {num: 'members'}], items.map(n => h('tr', {}, h('td', {}, n.esa),
      h('td', {}, [n.chairSchoolNameTh, n.chairPerson].filter(Boolean).join(' · ') || t('unknown')),
      h('td', {}, word('network', n.isChair ? 'CHAIR' : 'MEMBER')), h('td', {class: 'num'}, count(n.memberCount)))))),
    h('h2', {}, t('plans')),
    listOrNone(report.plans, items => table('plans-table', t('plans'), ['academicYear', 'status', 'reason'],
      items.map(p => h('tr', {}, h('td', {}, p.academicYear), h('td', {}, word('plan', p.status)),
        h('td', {}, p.returnReason ?? ''))))),
    h('h2', {}, t('works')),
    listOrNone(report.works, items => table('works-table', t('works'), ['title_', 'status'],
      items.map(w => h('tr', {}, h('td', {}, h('a', {href: link('/activities/' + encodeURIComponent(w.activity),
        fiscalYear)}, w.title)), h('td', {}, word('work', w.status)))))),
    h('h2', {}, t('hosted')),
    listOrNone(report.hosted, items => table('hosted-table', t('hosted'), activityHeadings, activityRows(items))),
    h('h2', {}, t('attended')),
    listOrNone(report.attended, items => table('attended-table', t('attended'), activityHeadings, activityRows(items))),
    h('h2', {}, t('schoolCertificates')),
    listOrNone(report.certificates, items => table('certificates-table', t('schoolCertificates'),
      ['number', 'givenOn', 'status', 'pdf'], items.map(c => h('tr', {}, h('td', {}, c.printedNumber),
        h('td', {}, date(c.givenOn)), h('td', {}, word('certificate', c.status)),
        h('td', {}, h('a', {href: '/api/v1/certificates/' + encodeURIComponent(c.id) + '/pdf'}, t('pdf'))))))),
    h('h2', {}, t('ita')),
    listOrNone(report.ita, items => table('ita-table', t('ita'), ['year', 'level', {num: 'score'}],
      items.map(i => h('tr', {}, h('td', {}, i.fiscalYear), h('td', {}, i.level ?? t('unknown')),
        h('td', {class: 'num'}, i.score ?? t('unknown')))))),
    ...(report.truncated ? [h('p', {class: 'notice'}, t('truncated'))] : []));
}

// ---------------------------------------------------------------------------------------------------------------------
// an activity

async function activityPage(main, id, fiscalYear, wanted) {
  const [activity, certificates] = await Promise.all([api(`/api/v1/activities/${encodeURIComponent(id)}`),
    api(`/api/v1/activities/${encodeURIComponent(id)}/certificates?size=500`).catch(e => ({failed: e}))]);
  wanted();
  const late = activity.state !== 'FUNDING_REQUESTED' ? new Set() : new Set((await api(
    `/api/v1/activities/funding/overdue?esa=${encodeURIComponent(activity.esa)}&size=500`).catch(() => ({items: []})))
    .items.map(item => item.id));
  wanted();
  trail(fiscalYear, activity.esa, {label: activity.titleTh});
  const participation = activity.participation;
  const certificateItems = certificates.failed ? [] : certificates.items;
  main.replaceChildren(
    h('h1', {}, activity.titleTh),
    h('p', {class: 'sub'}, date(activity.startsOn), ' · ', activity.typeTh ?? activity.type, ' · ',
      h('span', {class: 'state'}, language === 'th' ? (activity.stateTh ?? activity.state) : activity.state)),
    downloads('/api/v1/activities/' + encodeURIComponent(id) + '/report'),
    h('div', {class: 'figures'},
      figure('participants', count(participation?.total)), figure('activityCertificates', count(certificates.totalItems)),
      figure('estimate', baht(activity.funding?.estimate), true),
      figure('cost', activity.actualCost === null || activity.actualCost === undefined ? t('unknown')
        : baht(activity.actualCost), true)),
    h('dl', {class: 'facts'},
      h('dt', {}, t('venue')), h('dd', {}, activity.venue ?? t('unknown')),
      h('dt', {}, t('organiser')), h('dd', {}, activity.organiser ?? t('unknown')),
      h('dt', {}, t('chair')), h('dd', {}, activity.chair ?? t('unknown')),
      h('dt', {}, t('funding')), h('dd', {}, fundingState(activity, late))),
    h('h2', {}, t('history')),
    table('history-table', t('history'), ['recordedAt', 'change', 'state', 'recordedBy', 'reason'],
      (activity.history ?? []).map(step => h('tr', {}, h('td', {}, moment(step.recordedAt)), h('td', {}, word('change', step.change)),
        h('td', {}, word('state', step.state)), h('td', {}, step.recordedBy ?? ''), h('td', {}, step.reason ?? '')))),
    h('h2', {}, t('participation')),
    participation ? table('participation-table', t('participation'), ['role', {num: 'participants'}],
      [...Object.entries(participation.byRole ?? {}).filter(([, n]) => n > 0).map(([role, n]) =>
        h('tr', {}, h('td', {}, word('role', role)), h('td', {class: 'num'}, count(n)))),
      h('tr', {}, h('th', {scope: 'row'}, t('total')), h('td', {class: 'num'}, count(participation.total)))])
      : h('p', {}, t('none')),
    h('h2', {}, t('activityCertificates')),
    certificates.failed ? h('p', {class: 'notice', role: 'status'}, t('unavailable', t('section_events')))
      : certificateItems.length === 0 ? h('p', {}, t('noCertificates')) : h('div', {},
        h('p', {class: 'downloads'}, h('a', {href: `/api/v1/activities/${encodeURIComponent(id)}/certificates/pdf`},
          t('allCertificates'))),
        table('activity-certificates-table', t('activityCertificates'),
          ['number', 'recipient', 'school', 'givenOn', 'status', 'pdf', 'verify'],
          certificateItems.map(c => h('tr', {'data-certificate': c.id}, h('td', {}, c.printedNumber),
            h('td', {}, c.recipient), h('td', {}, c.school ? h('a', {href: link('/schools/' + encodeURIComponent(c.school),
              fiscalYear)}, c.school) : ''),
            h('td', {}, date(c.givenOn)), h('td', {}, word('certificate', c.status)),
            h('td', {}, h('a', {href: '/api/v1/certificates/' + encodeURIComponent(c.id) + '/pdf'}, t('pdf'))),
            h('td', {}, h('a', {href: '/verify/' + encodeURIComponent(c.verificationCode.replaceAll('-', ''))},
              t('verify')))))), ...partly(certificates)));
}

// ---------------------------------------------------------------------------------------------------------------------
// start

function translateChrome() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-t]').forEach(element => {
    element.textContent = t(element.dataset.t);
  });
  const toggle = document.getElementById('language');
  toggle.textContent = language === 'th' ? 'EN' : 'ไทย';
  toggle.lang = language === 'th' ? 'en' : 'th';
  toggle.setAttribute('aria-label', language === 'th' ? 'English' : 'ภาษาไทย');
}

async function start() {
  session = await api('/session');
  if (!session.signedIn) {
    location.replace('/signin');
    return;
  }
  document.getElementById('who').textContent = session.subject + ' · ' + (session.roles ?? []).join(', ')
    + (session.esa ? ' · ' + session.esa : '') + (session.school ? ' · ' + session.school : '');
  translateChrome();
  document.getElementById('fiscal-year').addEventListener('change', event => {
    const {path} = route();
    location.hash = link(path || startOf(session).slice(1), event.target.value);
  });
  document.getElementById('language').addEventListener('click', () => {
    language = language === 'th' ? 'en' : 'th';
    localStorage.setItem(LANGUAGE_KEY, language);
    translateChrome();
    render();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await fetch('/session', {method: 'DELETE', credentials: 'same-origin'});
    location.replace('/signin');
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/')) {
      render().then(() => document.getElementById('main').focus({preventScroll: true}));
    }
  });
  // the skip link moves focus to the content; it never changes the route
  document.querySelector('.skip').addEventListener('click', event => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  await render();
}

start().catch(() => {
  document.getElementById('main').replaceChildren(h('p', {class: 'error', role: 'alert'}, t('failed')));
});
