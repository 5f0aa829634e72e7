#!/usr/bin/env node
// The `gen` command. A committed file (not dist/bin.js), so `pnpm install` in a fresh clone can
// link it before anything is built; it runs the built CLI.
import "../dist/bin.js";
