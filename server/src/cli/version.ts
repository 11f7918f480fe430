import { version } from "../../../package.json";

export const TOOL_NAME = "llm-d-contrib";
export const TOOL_VERSION: string = version;
export const INFORMATION_URI = "https://github.com/llm-d/llm-d-contrib-tools";
