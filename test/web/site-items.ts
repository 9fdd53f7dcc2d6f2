// Hand-written articles for the web page tests, added to the Trivy -> LiteLLM chain fixture:
// the Mercor breach downstream of LiteLLM (a three-incident chain), an unrelated ransomware
// story, and a story whose every field carries markup and script.
import type { RawItem } from '../../src/core/types.js'

export const HOSTILE = {
  title: `<script>alert("title")</script> Orbital Freight breach " onerror="alert(1)`,
  source: `<img src=x onerror=alert("source")>`,
  text:
    `Orbital Freight said on April 3 that attackers stole shipping manifests. ` +
    `</style><script>alert("text")</script> The intruders used a javascript:alert(1) link ` +
    `and a "><svg onload=alert(2)> payload in phishing mails sent to Orbital Freight staff. ` +
    `Orbital Freight has reset passwords and informed customers about the breach.`,
}

export const SITE_ITEMS: RawItem[] = [
  {
    url: 'https://breachdesk.example/2026/04/01/mercor-breach-litellm',
    title: 'Mercor confirms data breach caused by the LiteLLM supply chain attack',
    published: '2026-04-01T10:00:00Z',
    source: 'Breach Desk',
    text:
      'Mercor, the AI recruiting startup, confirmed on March 31 that attackers stole data from its systems.\n\n' +
      'The company said the intrusion was caused by the compromise of LiteLLM, the Python library whose ' +
      'backdoored releases were published to PyPI. A credential stealer in the poisoned LiteLLM package ' +
      'captured cloud keys from a Mercor build server, and the attackers used them to reach internal storage.\n\n' +
      'A hacking group claims to hold 4 TB of Mercor data. Mercor said it is working with investigators.',
  },
  {
    url: 'https://wirenews.example/mercor-leak-customers-pause',
    title: 'Customers pause work with Mercor after 4 TB leak claim',
    published: '2026-04-02T15:30:00Z',
    source: 'Wire News',
    text:
      'Several customers have paused contracts with Mercor while they assess the data breach the startup ' +
      'disclosed on March 31.\n\nMercor said the breach was caused by the LiteLLM compromise: a developer ' +
      'machine installed one of the malicious LiteLLM versions, which sent its credentials to the attackers. ' +
      'The group behind the leak says it has 4 TB of Mercor data.',
  },
  {
    url: 'https://healthdesk.example/2026/04/03/harborview-ransomware',
    title: 'Harborview Medical Center diverts ambulances after Qilin ransomware attack',
    published: '2026-04-03T07:45:00Z',
    source: 'Health Desk',
    text:
      'Harborview Medical Center diverted ambulances and moved to paper records after a ransomware attack ' +
      'on April 2 encrypted its scheduling systems.\n\nThe Qilin ransomware gang listed the hospital on its ' +
      'leak site and claims to have stolen 600 GB of patient data. Harborview said emergency care continues.',
  },
  {
    url: 'https://hostile.example/2026/04/04/orbital-freight',
    published: '2026-04-04T12:00:00Z',
    ...HOSTILE,
  },
]
