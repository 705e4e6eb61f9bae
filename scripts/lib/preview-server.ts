/**
 * Builds the app (unless told not to) and serves it with `vite preview` on 127.0.0.1, for the
 * scripts that drive the real app in Chromium (the browser benchmark, the screenshots). Resolves
 * once the server answers; the caller ends it (the process group) when done.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export async function servePreview(options: {
  root: string;
  port: number;
  build: boolean;
}): Promise<ChildProcess> {
  if (options.build) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: options.root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const origin = `http://127.0.0.1:${options.port}`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(options.port), '--strictPort'],
    { cwd: options.root, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server did not start on ${origin}`);
}
