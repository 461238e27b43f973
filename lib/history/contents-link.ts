// The panel's way to the background for the group's files: one `history/contents` request a file or listing.
import { isContentsAnswer, type ContentsAnswer, type ContentsRequest } from '../messaging/history-contents';
import { callBackground } from '../messaging/send';

export async function askContents(request: Omit<ContentsRequest, 'type'>): Promise<ContentsAnswer> {
  try {
    const answer: unknown = await callBackground({ type: 'history/contents', ...request });
    if (isContentsAnswer(answer)) return answer;
    return { kind: 'failure', failure: 'offline', message: 'The extension could not ask GitHub.' };
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    return { kind: 'failure', failure: 'offline', message: `The extension could not ask GitHub: ${said} Try again.` };
  }
}
