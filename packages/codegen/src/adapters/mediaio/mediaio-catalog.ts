/** One parameter of a Media.io catalog entry (`api_body.category[].list[]`). */
export interface MediaioParam {
  name: string;
  type: string;
  describe?: string;
  required?: boolean;
  keywords?: string[];
}

/** One entry of `c_api_doc_detail.json` with its JSON-in-a-string fields parsed. */
export interface MediaioEntry {
  index: number;
  id: number | string;
  name: string;
  modelCode: string;
  method: string;
  endpoint: string;
  title?: string;
  description?: string;
  status?: number;
  headers: Array<{ name: string; value?: string }>;
  params: Array<MediaioParam & { field: string }>;
  response: Array<{ name: string; type: string; describe?: string }>;
  codes: Array<{ code: string; describe: string }>;
  curlExamples: string[];
}
