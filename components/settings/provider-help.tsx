const PRESET_VARS = ["OPENROUTER_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "GROQ_API_KEY", "MISTRAL_API_KEY", "DEEPSEEK_API_KEY", "TOGETHER_API_KEY", "FIREWORKS_API_KEY"];

const code = "rounded bg-zinc-100 px-1 py-px font-mono text-[12px] dark:bg-zinc-800";

export function ProviderHelp() {
  return (
    <section aria-labelledby="add-providers" className="space-y-3 rounded-2xl border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <h2 id="add-providers" className="font-semibold">
        Adding a provider
      </h2>
      <p className="text-zinc-600 dark:text-zinc-400">
        Set a key above (stored encrypted, never shown again) or with environment variables (or a <code className={code}>.env</code> file, picked up on
        restart), and that provider&apos;s models appear in the picker. Where both are set, the environment wins:
      </p>
      <ul className="flex flex-wrap gap-1.5">
        {PRESET_VARS.map((v) => (
          <li key={v}>
            <code className={code}>{v}</code>
          </li>
        ))}
      </ul>
      <p className="text-zinc-600 dark:text-zinc-400">
        Local servers need no key: set <code className={code}>OLLAMA_BASE_URL</code> (e.g. http://localhost:11434/v1) or{" "}
        <code className={code}>LMSTUDIO_BASE_URL</code> (e.g. http://localhost:1234/v1). Every preset also accepts <code className={code}>&lt;PRESET&gt;_BASE_URL</code>{" "}
        for a proxy or region.
      </p>
      <p className="text-zinc-600 dark:text-zinc-400">
        Any other OpenAI-compatible server (vLLM, llama.cpp, a gateway): <code className={code}>CUSTOM_PROVIDER_&lt;NAME&gt;_BASE_URL</code>, optionally{" "}
        <code className={code}>CUSTOM_PROVIDER_&lt;NAME&gt;_API_KEY</code> and <code className={code}>CUSTOM_PROVIDER_&lt;NAME&gt;_MODELS</code> (comma-separated;
        without it the server&apos;s <code className={code}>/models</code> is asked). Its models appear as <code className={code}>&lt;name&gt;/&lt;model&gt;</code>.
      </p>
      <p className="text-zinc-600 dark:text-zinc-400">
        With no provider configured, the built-in sandbox serves simulated models, so everything works offline. They are always labelled “simulated”.
      </p>
    </section>
  );
}
