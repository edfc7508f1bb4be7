/** Width of a saved PNG (px): a projector's full HD, whatever the screen's pixel ratio. */
export const PNG_WIDTH = 1920;
