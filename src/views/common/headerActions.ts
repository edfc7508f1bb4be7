/** The id of the app header's slot where a page puts its own actions (the lab's QR code button). */
export const HEADER_ACTIONS_ID = 'app-header-actions';
