// A pinned, unprivileged manifest server for unit tests; override what a test is about.
import type { Server } from '../../src/model/types.js';

export function makeServer(overrides: Partial<Server> = {}): Server {
  return {
    name: 'files',
    origin: 'manifest',
    transport: {
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem@1.0.0'],
    },
    credentials: [],
    egress: ['api.example.com'],
    tools: ['read_file'],
    source: { path: 'registry/tools/files.yaml', line: 3 },
    ...overrides,
  };
}
