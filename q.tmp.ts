import { openSample } from './test/helpers/db'
