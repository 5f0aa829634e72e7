/** A node of the product list tree (`GET /open/v1/product/list`), decoded leniently. */
export interface ProductNode {
  /** `"2"` model group, `"3"` version leaf. */
  type?: string | number;
  /** On a leaf: the version id, sent as `model_version`. */
  id?: string | number;
  /** On a leaf: the model id, sent as `model_id`; several leaves may share one. */
  model_id?: string;
  /** On a leaf: the version's display name, sent as `model_name`. */
  name?: string;
  form_config?: FormField[];
  credit_rules?: CreditRule[];
  children?: ProductNode[];
}

/** One field of a leaf's form: a default parameter value, or a virtual UI field mapped onto one. */
export interface FormField {
  field?: string;
  value?: unknown;
  is_ui_virtual?: boolean;
  ui_params?: Array<{ field?: string; id?: string; value?: unknown }>;
  value_mapping?: {
    target_param?: string;
    mapping_rules?: Array<{ source_values?: Record<string, unknown>; target_value?: unknown }>;
  };
}

/** A pricing rule: the parameter combination (`attributes`) it covers and what it costs. */
export interface CreditRule {
  attribute_id: number | string;
  points: number;
  attributes?: Record<string, unknown>;
}

/** A version leaf with the fields a create request needs. */
export interface ProductVersion extends ProductNode {
  id: string | number;
  model_id: string;
  name: string;
}
