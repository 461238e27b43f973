// A token vault in memory, for tests of what reads and writes the settings.
import type { TokenVault } from '../../../lib/background/token-vault';

export function memoryTokenVault(initial: string | null = null): TokenVault & { token: string | null } {
  const vault = {
    token: initial,
    read: async () => vault.token,
    write: async (token: string | null) => {
      vault.token = token;
    },
  };
  return vault;
}
