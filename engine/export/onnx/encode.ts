/**
 * The ModelProto's bytes, written with protobufjs's Writer (protobufjs/minimal): the library does
 * the wire format (varints, zig-zag-free int64s, floats, length-delimited fork/ldelim), and the
 * field numbers come from onnx-schema.ts. This is the shape of what protobufjs's `pbjs -t static`
 * generates: reflection's own encoders are compiled with `new Function`, which the app's
 * Content-Security-Policy (no 'unsafe-eval') forbids in the page. Repeated scalars are written
 * unpacked, as onnx.proto (proto2) declares them.
 */
import type { IType } from 'protobufjs/light';
import { Writer } from 'protobufjs/minimal';
import type { OnnxModel } from '.';
import type { OnnxAttribute, OnnxNode, OnnxTensor } from './nodes';
import { ONNX_SCHEMA } from './onnx-schema';

type Message =
  | 'ModelProto'
  | 'OperatorSetIdProto'
  | 'GraphProto'
  | 'NodeProto'
  | 'AttributeProto'
  | 'TensorProto'
  | 'ValueInfoProto'
  | 'TypeProto'
  | 'TypeProtoTensor'
  | 'TensorShapeProto'
  | 'TensorShapeDimension';

const VARINT = 0;
const FIXED32 = 5;
const DELIMITED = 2;

const messages = (ONNX_SCHEMA.nested!.onnx as { nested: Record<string, IType> }).nested;

/** The key of field `field` of `message`: its number from the schema and the wire type. */
function tag(message: Message, field: string, wire: number): number {
  const spec = messages[message]!.fields[field];
  if (!spec) throw new Error(`onnx-schema.ts has no ${message}.${field}`);
  return ((spec.id << 3) | wire) >>> 0;
}

function nested(w: Writer, message: Message, field: string, body: () => void): void {
  w.uint32(tag(message, field, DELIMITED)).fork();
  body();
  w.ldelim();
}

function tensor(w: Writer, t: OnnxTensor): void {
  for (const d of t.dims) w.uint32(tag('TensorProto', 'dims', VARINT)).int64(d);
  w.uint32(tag('TensorProto', 'dataType', VARINT)).int32(t.dataType);
  w.uint32(tag('TensorProto', 'name', DELIMITED)).string(t.name);
  w.uint32(tag('TensorProto', 'rawData', DELIMITED)).bytes(t.rawData);
}

function attribute(w: Writer, a: OnnxAttribute): void {
  w.uint32(tag('AttributeProto', 'name', DELIMITED)).string(a.name);
  if (a.f !== undefined) w.uint32(tag('AttributeProto', 'f', FIXED32)).float(a.f);
  if (a.i !== undefined) w.uint32(tag('AttributeProto', 'i', VARINT)).int64(a.i);
  for (const v of a.ints ?? []) w.uint32(tag('AttributeProto', 'ints', VARINT)).int64(v);
  w.uint32(tag('AttributeProto', 'type', VARINT)).int32(a.type);
}

function node(w: Writer, n: OnnxNode): void {
  for (const s of n.input) w.uint32(tag('NodeProto', 'input', DELIMITED)).string(s);
  for (const s of n.output) w.uint32(tag('NodeProto', 'output', DELIMITED)).string(s);
  w.uint32(tag('NodeProto', 'name', DELIMITED)).string(n.name);
  w.uint32(tag('NodeProto', 'opType', DELIMITED)).string(n.opType);
  for (const a of n.attribute) nested(w, 'NodeProto', 'attribute', () => attribute(w, a));
}

function valueInfo(w: Writer, v: OnnxModel['graph']['input'][number]): void {
  w.uint32(tag('ValueInfoProto', 'name', DELIMITED)).string(v.name);
  nested(w, 'ValueInfoProto', 'type', () =>
    nested(w, 'TypeProto', 'tensorType', () => {
      w.uint32(tag('TypeProtoTensor', 'elemType', VARINT)).int32(v.elemType);
      nested(w, 'TypeProtoTensor', 'shape', () => {
        for (const d of v.dims) {
          nested(w, 'TensorShapeProto', 'dim', () => {
            if (typeof d === 'number') w.uint32(tag('TensorShapeDimension', 'dimValue', VARINT)).int64(d);
            else w.uint32(tag('TensorShapeDimension', 'dimParam', DELIMITED)).string(d);
          });
        }
      });
    }),
  );
}

export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = Writer.create();
  w.uint32(tag('ModelProto', 'irVersion', VARINT)).int64(model.irVersion);
  w.uint32(tag('ModelProto', 'producerName', DELIMITED)).string(model.producerName);
  w.uint32(tag('ModelProto', 'docString', DELIMITED)).string(model.docString);
  nested(w, 'ModelProto', 'graph', () => {
    const g = model.graph;
    for (const n of g.node) nested(w, 'GraphProto', 'node', () => node(w, n));
    w.uint32(tag('GraphProto', 'name', DELIMITED)).string(g.name);
    for (const t of g.initializer) nested(w, 'GraphProto', 'initializer', () => tensor(w, t));
    w.uint32(tag('GraphProto', 'docString', DELIMITED)).string(g.docString);
    for (const v of g.input) nested(w, 'GraphProto', 'input', () => valueInfo(w, v));
    for (const v of g.output) nested(w, 'GraphProto', 'output', () => valueInfo(w, v));
  });
  for (const o of model.opsetImport) {
    nested(w, 'ModelProto', 'opsetImport', () => {
      w.uint32(tag('OperatorSetIdProto', 'domain', DELIMITED)).string(o.domain);
      w.uint32(tag('OperatorSetIdProto', 'version', VARINT)).int64(o.version);
    });
  }
  return w.finish();
}
