import { makePaperPdf } from './paper-pdf.js';
import { type FakeServices, startFakeServices } from './start-fake-services.js';

/** The fakes with one paper, 2509.08721v2, whose PDF is `makePaperPdf`'s. */
export async function startOnePaperServices(): Promise<FakeServices> {
  return startFakeServices([
    { id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', published: '2025-09-10T17:59:59Z', pdf: await makePaperPdf('Grounded Briefs of Papers') },
  ]);
}

/** The PDF downloads the fake arXiv has answered. */
export function listPdfRequests(services: FakeServices) {
  return services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'));
}
