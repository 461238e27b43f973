// The panel's way to the background for the group's files: one `history/contents` message a request.
import { isContentsAnswer, type ContentsAnswer, type ContentsRequest } from './contents-messages';

export async function askContents(request: Omit<ContentsRequest, 'type'>): Promise<ContentsAnswer> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'history/contents', ...request });
    if (isContentsAnswer(answer)) return answer;
    const error = (answer as { error?: unknown } | null)?.error;
    return { kind: 'failure', failure: 'offline', message: `The extension could not ask GitHub${typeof error === 'string' ? `: ${error}` : '.'}` };
  } catch {
    return { kind: 'failure', failure: 'offline', message: 'The extension’s background did not answer; try again.' };
  }
}
