/** Where the numbers came from: CPU, cores, Node, and the WebGPU adapter a suite used (if any). */
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  availableParallelism: number;
  memoryGiB: number;
  os: string;
  node: string;
  v8: string;
  webgpuAdapter: string | null;
}

export function machineInfo(webgpuAdapter: string | null = null): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    webgpuAdapter,
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cpu} × ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.webgpuAdapter ? `, WebGPU: ${m.webgpuAdapter}` : ''}`;
}
