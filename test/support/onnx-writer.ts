/**
 * Just enough of a protobuf encoder to write an ONNX ModelProto from test code: no ONNX builder
 * exists for Node, and a model made here is readable line by line instead of a binary fixture.
 * Field numbers are onnx.proto's. Repeated numbers are written unpacked, which every protobuf
 * reader accepts for proto2's `repeated int64`.
 */

type Field = Buffer;

function varint(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint ${value}: only non-negative integers are written`);
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

const wire = { varint: 0, fixed32: 5, bytes: 2 } as const;

function tag(field: number, type: number): Buffer {
  return varint(field * 8 + type);
}

function intField(field: number, value: number): Field {
  return Buffer.concat([tag(field, wire.varint), varint(value)]);
}

function floatField(field: number, value: number): Field {
  const data = Buffer.alloc(4);
  data.writeFloatLE(value);
  return Buffer.concat([tag(field, wire.fixed32), data]);
}

function bytesField(field: number, data: Buffer): Field {
  return Buffer.concat([tag(field, wire.bytes), varint(data.length), data]);
}

function stringField(field: number, text: string): Field {
  return bytesField(field, Buffer.from(text, 'utf8'));
}

function message(...fields: (Field | Field[])[]): Buffer {
  return Buffer.concat(fields.flat());
}

export const tensorType = { float: 1 } as const;

/** An attribute of a node: an integer, a list of integers or a float. */
export type Attribute = { name: string; int: number } | { name: string; ints: number[] } | { name: string; float: number };

const attributeType = { float: 1, int: 2, ints: 7 } as const;

function attribute(a: Attribute): Buffer {
  // AttributeProto: name=1, f=2, i=3, ints=8, type=20.
  if ('int' in a) return message(stringField(1, a.name), intField(3, a.int), intField(20, attributeType.int));
  if ('ints' in a)
    return message(
      stringField(1, a.name),
      a.ints.map((v) => intField(8, v)),
      intField(20, attributeType.ints),
    );
  return message(stringField(1, a.name), floatField(2, a.float), intField(20, attributeType.float));
}

export interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attributes?: Attribute[];
}

function node(n: Node): Buffer {
  // NodeProto: input=1, output=2, name=3, op_type=4, attribute=5.
  return message(
    n.inputs.map((i) => stringField(1, i)),
    n.outputs.map((o) => stringField(2, o)),
    stringField(3, n.name ?? n.outputs[0] ?? n.op),
    stringField(4, n.op),
    (n.attributes ?? []).map((a) => bytesField(5, attribute(a))),
  );
}

/** A float tensor of constant weights, stored as little-endian raw data. */
export interface Initializer {
  name: string;
  dims: number[];
  values: number[];
}

function initializer(t: Initializer): Buffer {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.values.length) throw new Error(`${t.name}: ${t.values.length} values for dims ${t.dims.join('x')}`);
  const raw = Buffer.alloc(count * 4);
  t.values.forEach((v, i) => raw.writeFloatLE(v, i * 4));
  // TensorProto: dims=1, data_type=2, name=8, raw_data=9.
  return message(
    t.dims.map((d) => intField(1, d)),
    intField(2, tensorType.float),
    stringField(8, t.name),
    bytesField(9, raw),
  );
}

/** A graph input or output: a float tensor whose dimensions are sizes or named (dynamic) ones. */
export interface ValueInfo {
  name: string;
  dims: (number | string)[];
}

function valueInfo(v: ValueInfo): Buffer {
  // Dimension: dim_value=1, dim_param=2; TensorShapeProto: dim=1.
  const shape = message(v.dims.map((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d))));
  // TypeProto.Tensor: elem_type=1, shape=2; TypeProto: tensor_type=1; ValueInfoProto: name=1, type=2.
  const tensor = message(intField(1, tensorType.float), bytesField(2, shape));
  return message(stringField(1, v.name), bytesField(2, bytesField(1, tensor)));
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Initializer[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

/** A whole ModelProto in the default operator domain at the given opset. */
export function onnxModel(graph: Graph, { opset = 13, irVersion = 8, producer = 'camtrap-station tests' } = {}): Buffer {
  // GraphProto: node=1, name=2, initializer=5, input=11, output=12.
  const g = message(
    graph.nodes.map((n) => bytesField(1, node(n))),
    stringField(2, graph.name),
    graph.initializers.map((t) => bytesField(5, initializer(t))),
    graph.inputs.map((v) => bytesField(11, valueInfo(v))),
    graph.outputs.map((v) => bytesField(12, valueInfo(v))),
  );
  // OperatorSetIdProto: domain=1, version=2.
  const opsetImport = message(stringField(1, ''), intField(2, opset));
  // ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8.
  return message(intField(1, irVersion), stringField(2, producer), bytesField(7, g), bytesField(8, opsetImport));
}
