import { LEARNING_PATH } from './learning-bits.js';

export const TOOLKIT_PATH = `${LEARNING_PATH}/samenwerking`;
export const TOOLKIT_CONTENT_PATH = `${TOOLKIT_PATH}/teksten`;
export const partnershipPath = (id: string) => `${TOOLKIT_PATH}/${encodeURIComponent(id)}`;

/** A colour per partner (line and dot in the chart), distinguishable and with enough contrast on white. */
export const PARTNER_COLOURS = ['#1c5fa8', '#b4420a', '#2b7a3d', '#7a3d8f', '#8a6d00'];
/** A dash pattern per partner, so the lines differ without colour too. */
export const PARTNER_DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 6'];
