import { comparableLogText, RUN_LOG_FILE } from '../../src/output/run-log.js';

/**
 * A file of an output folder as reruns must reproduce it byte for byte: the run log without its timings
 * and command line (the only parts that legitimately differ), every other file as it is.
 */
export function comparableFile(name: string, bytes: Buffer): Buffer {
  return name === RUN_LOG_FILE ? Buffer.from(comparableLogText(bytes.toString('utf8'))) : bytes;
}
