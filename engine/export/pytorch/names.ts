/**
 * Layer ids as Python identifiers. A ConvLab id may be any string ("C1", "block1_proj", "my layer"),
 * but model.py uses it twice: as the attribute that holds the layer's nn.Module and as the local
 * variable that holds its output in forward(). So each id becomes a distinct identifier that is not
 * a Python keyword, not a name forward() itself uses, and not an attribute nn.Module already has
 * (a submodule called `training` or `eval` would break model.train() and model.eval()).
 */

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type _'.split(
    ' ',
  ),
);

/** Names model.py's own code uses inside the class and forward(). */
const USED_BY_MODEL_PY = new Set(['self', 'x', 'F', 'nn', 'torch', 'math', 'np', 'return_logits', 'logits', 'super']);

/** dir(torch.nn.Module()) in torch 1.13 without dunders, plus later versions' additions. */
const MODULE_ATTRIBUTES = new Set(
  `T_destination _apply _backward_hooks _buffers _call_impl _forward_hooks _forward_pre_hooks _get_backward_hooks
  _get_name _is_full_backward_hook _load_from_state_dict _load_state_dict_post_hooks _load_state_dict_pre_hooks
  _maybe_warn_non_full_backward_hook _modules _named_members _non_persistent_buffers_set _parameters
  _register_load_state_dict_pre_hook _register_state_dict_hook _replicate_for_data_parallel _save_to_state_dict
  _slow_forward _state_dict_hooks _version add_module apply bfloat16 buffers children cpu cuda double dump_patches
  eval extra_repr float forward get_buffer get_extra_state get_parameter get_submodule half ipu load_state_dict
  modules named_buffers named_children named_modules named_parameters parameters register_backward_hook
  register_buffer register_forward_hook register_forward_pre_hook register_full_backward_hook
  register_load_state_dict_post_hook register_module register_parameter requires_grad_ set_extra_state
  share_memory state_dict to to_empty train training type xpu zero_grad compile mtia call_super_init
  load_convlab_weights save_convlab_weights convlab_weights`.split(/\s+/),
);

/**
 * `id` as a Python identifier: other characters become "_". A leading digit, and a leading "_"
 * (Python mangles `self.__x` inside a class, and `__init__` would shadow the method), get a prefix.
 */
function identifierOf(id: string): string {
  let name = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9_]/.test(name)) name = `layer_${name}`;
  if (KEYWORDS.has(name) || USED_BY_MODEL_PY.has(name) || MODULE_ATTRIBUTES.has(name)) name = `${name}_`;
  return name;
}

/**
 * One identifier per id, in order, all distinct: a second id that sanitises to a name already
 * taken ("a-b" after "a_b") gets "_2", "_3", ... appended.
 */
export function pythonNames(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    const base = identifierOf(id);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}

/** A Python literal for a finite number ("0.0001", "1e-21", "5"); JSON's form is valid Python. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`pyNumber: ${value} is not a finite number`);
  return JSON.stringify(value);
}

/** A double-quoted Python string literal; JSON's escapes are all valid in Python. */
export function pyString(value: string): string {
  return JSON.stringify(value);
}
