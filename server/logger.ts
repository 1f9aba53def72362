export type Logger = {
  debug: (msg: string, extra?: Record<string, unknown>) => void;
  info: (msg: string, extra?: Record<string, unknown>) => void;
  warn: (msg: string, extra?: Record<string, unknown>) => void;
  error: (msg: string, extra?: Record<string, unknown>) => void;
};

const order = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/** A line-per-entry logger; structured extras are printed as JSON so logs stay greppable. */
export function createLogger(level: keyof typeof order = "info"): Logger {
  const min = order[level];
  const line = (lvl: Exclude<keyof typeof order, "silent">) => (msg: string, extra?: Record<string, unknown>) => {
    if (order[lvl] < min) return;
    const out = `${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${extra ? " " + safeJson(extra) : ""}`;
    (lvl === "error" || lvl === "warn" ? console.error : console.log)(out);
  };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}

function safeJson(v: Record<string, unknown>): string {
  try {
    return JSON.stringify(v, (_k, val) => (val instanceof Error ? { message: val.message, stack: val.stack } : val));
  } catch {
    return "[unserialisable]";
  }
}
