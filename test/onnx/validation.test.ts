/** Load-time validation: every refusal is a GpulseError naming the node and op, initializer or graph input. */
import { describe, expect, it } from 'vitest';
import { onnx } from '../../engine/onnx/decode.js';
import { buildModel } from './build-model.js';
import { gemmModel, refusal } from './loader-fixtures.js';

describe('graph validation names the culprit', () => {
  it('unknown operator', async () => {
    const e = await refusal(buildModel({ ...gemmModel(), nodes: [{ op: 'FancyConv', name: 'conv1', inputs: ['x'], outputs: ['y'] }] }));
    expect(e.message).toMatch(/node 'conv1' \(FancyConv\).*unsupported operator FancyConv/);
  });

  it('unsupported attribute and bad attribute value', async () => {
    const bad = gemmModel();
    bad.nodes[0].attrs = { transB: 1, foo: 3 };
    expect((await refusal(buildModel(bad))).message).toMatch(/node 'fc' \(Gemm\).*unsupported attribute 'foo'/);
    bad.nodes[0].attrs = { transB: 2 };
    expect((await refusal(buildModel(bad))).message).toMatch(/node 'fc' \(Gemm\).*transB.*0 or 1/);
    bad.nodes[0].attrs = { transB: { float: 1 } };
    expect((await refusal(buildModel(bad))).message).toMatch(/node 'fc' \(Gemm\).*'transB' must be int/);
  });

  it('unsupported dtypes: graph input, Cast target, op input type', async () => {
    const fp8 = gemmModel();
    const bytes = buildModel(fp8);
    const proto = onnx.ModelProto.decode(bytes);
    proto.graph!.input![0].type!.tensorType!.elemType = 17;
    expect((await refusal(onnx.ModelProto.encode(proto).finish())).message).toMatch(/graph input 'x'.*float8e4m3fn/);
    const cast = buildModel({ nodes: [{ op: 'Cast', name: 'c', inputs: ['x'], outputs: ['y'], attrs: { to: 16 } }], inputs: [{ name: 'x', type: 'float32' }], outputs: [{ name: 'y', type: 'float32' }] });
    expect((await refusal(cast)).message).toMatch(/node 'c' \(Cast\).*bfloat16/);
    const sig = buildModel({ nodes: [{ op: 'Sigmoid', name: 's', inputs: ['x'], outputs: ['y'] }], inputs: [{ name: 'x', type: 'int32' }], outputs: [{ name: 'y', type: 'int32' }] });
    expect((await refusal(sig)).message).toMatch(/node 's' \(Sigmoid\).*int32/);
  });

  it('initializers: size disagreeing with dims, over the cap, absurd dims, external data', async () => {
    const proto = onnx.ModelProto.decode(buildModel(gemmModel()));
    const w = proto.graph!.initializer![0];
    w.dims = [2, 4];
    expect((await refusal(onnx.ModelProto.encode(proto).finish())).message).toMatch(/initializer 'w'.*needs 32 bytes.*found 24/);
    w.dims = [2, 3];
    const capped = await refusal(onnx.ModelProto.encode(proto).finish(), { maxTensorElements: 4 });
    expect([capped.code, capped.message]).toEqual(['INPUT_TOO_LARGE', expect.stringMatching(/initializer 'w'/)]);
    w.dims = [1e9, 1e9];
    expect((await refusal(onnx.ModelProto.encode(proto).finish())).code).toBe('INPUT_TOO_LARGE');
    w.dims = [2, 3];
    w.dataLocation = 1;
    expect((await refusal(onnx.ModelProto.encode(proto).finish())).message).toMatch(/initializer 'w'.*external/);
  });

  it('structure: undefined input, cycle, duplicate output, missing domain import, old opset, unproduced output', async () => {
    const undef = gemmModel({ nodes: [{ op: 'Relu', name: 'r', inputs: ['ghost'], outputs: ['y'] }] });
    expect((await refusal(buildModel(undef))).message).toMatch(/node 'r' \(Relu\).*'ghost'/);
    const cycle = gemmModel({
      nodes: [
        { op: 'Add', name: 'a', inputs: ['x', 'b_out'], outputs: ['a_out'] },
        { op: 'Relu', name: 'b', inputs: ['a_out'], outputs: ['b_out'] },
        { op: 'Identity', name: 'c', inputs: ['a_out'], outputs: ['y'] },
      ],
    });
    expect((await refusal(buildModel(cycle))).message).toMatch(/cycle/);
    const dup = gemmModel({ nodes: [{ op: 'Relu', name: 'r', inputs: ['x'], outputs: ['x'] }] });
    expect((await refusal(buildModel(dup))).message).toMatch(/node 'r' \(Relu\).*'x' is already defined/);
    const ms = gemmModel({ nodes: [{ op: 'MatMulNBits', domain: 'com.microsoft', name: 'q', inputs: ['x', 'w', 'w'], outputs: ['y'] }] });
    expect((await refusal(buildModel(ms))).message).toMatch(/node 'q' \(MatMulNBits\).*com.microsoft.*not imported/);
    expect((await refusal(buildModel({ ...gemmModel(), opset: 6 }))).message).toMatch(/node 'fc' \(Gemm\).*opset 6/);
    const none = gemmModel({ outputs: [{ name: 'z', type: 'float32' }] });
    expect((await refusal(buildModel(none))).message).toMatch(/graph output 'z'/);
  });
});

