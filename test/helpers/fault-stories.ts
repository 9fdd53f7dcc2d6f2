// Distinct one-item stories for the feeds of the fault tests: each feed's first, healthy crawl
// stores one of these, so a later fault can be checked to leave it intact. The stories differ in
// wording so that neither near-duplicate detection nor clustering folds them together.
import type { RssItem } from './rss.js'

const STORIES: [string, string][] = [
  [
    'Harbor freight firm Dunmore halts shipping after network intrusion',
    'Dunmore Freight paused container bookings while investigators examine servers at its Rotterdam office.',
  ],
  [
    'Regional utility Pellway discloses theft of billing records',
    'Pellway Energy said names and meter numbers of forty thousand customers were copied from a billing database.',
  ],
  [
    'University of Carrow patches exposed research portal',
    'An unauthenticated endpoint let anyone download grant applications from the Carrow research portal for months.',
  ],
  [
    'Payment processor Kestrel Pay fixes token replay flaw',
    'Researchers showed that captured Kestrel Pay tokens could be replayed against the refund API.',
  ],
  [
    'City of Alderford restores 911 dispatch after outage',
    'Emergency dispatch in Alderford ran on paper cards for two days after a failed firmware update.',
  ],
  [
    'Satellite imaging startup Orbisca leaks customer coordinates',
    'A misconfigured storage bucket at Orbisca held order histories with precise imaging coordinates.',
  ],
  [
    'Dental chain Brightmoor notifies patients of email compromise',
    'Attackers read three mailboxes at Brightmoor Dental that contained appointment and insurance details.',
  ],
  [
    'Game studio Fernhollow investigates stolen source code',
    'Fernhollow Games confirmed that a private repository for an unreleased title was cloned by an outsider.',
  ],
  [
    'Logistics software vendor Tarnwick revokes signing certificate',
    'Tarnwick rotated its code signing certificate after finding it in a public build log.',
  ],
  [
    'Airline Skyreach grounds check-in kiosks after malware scare',
    'Skyreach disconnected airport kiosks while it checks whether a USB-borne infection spread beyond one terminal.',
  ],
  [
    'Hospital group Merriton diverts ambulances during IT outage',
    'Merriton Health diverted ambulances from two hospitals while its electronic records were offline.',
  ],
  [
    'Retailer Copperline resets passwords after credential stuffing',
    'Copperline forced password resets for accounts that logged in from a botnet of residential proxies.',
  ],
  [
    'Water authority Esk Valley finds tampering attempt at plant',
    'Operators at Esk Valley noticed remote changes to chemical dosing set points and reverted them.',
  ],
  [
    'Law firm Ashgrove Partners confirms client files were accessed',
    'Ashgrove Partners told clients that litigation documents were viewed through a compromised VPN account.',
  ],
  [
    'Telecom Northway blames SIM swap wave on insider',
    'Northway dismissed a store employee who approved dozens of fraudulent SIM transfers in one week.',
  ],
  [
    'School district Wrenfield cancels classes after ransomware',
    'Wrenfield schools closed for two days while administrators rebuilt student information systems.',
  ],
  [
    'Crypto exchange Vantor pauses withdrawals after hot wallet drain',
    'Vantor halted withdrawals after about four million dollars left a hot wallet in a series of transfers.',
  ],
  [
    'Museum ticketing site Galleria Nova exposed visitor data',
    'Visitor names and emails from the Galleria Nova booking site were readable through a predictable URL.',
  ],
  [
    'Insurance broker Halden Mutual discloses breach of quoting tool',
    'Halden Mutual found that a quoting tool used by brokers leaked applicant income and health answers.',
  ],
  [
    'Energy trader Brackwater reports spear-phishing of executives',
    'Brackwater said targeted emails impersonating its auditors reached five senior executives.',
  ],
]

/** The `n`-th distinct story as an RSS item linking to `https://{host}/...`. */
export function story(n: number, host: string): RssItem {
  const [title, description] = STORIES[n % STORIES.length]!
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
  return {
    title,
    description,
    link: `https://${host}/2026/03/${slug}`,
    published: new Date(Date.UTC(2026, 2, 1 + (n % 20), 8 + (n % 9))).toISOString(),
  }
}
