// The story this build was made for (STORY=data/<story> npm run build). The only module that imports it:
// everything else receives the manifest or the URLs as arguments, so it works for any story and in node tests.
import { DATA_FILE_NAMES, DATA_URLS, FONT_FACES, STORY } from 'virtual:story';
import 'virtual:story-sides.css';

export { DATA_FILE_NAMES, DATA_URLS, FONT_FACES, STORY };
