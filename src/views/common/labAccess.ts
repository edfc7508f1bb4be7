/** How the views read a lab's data: the sparse lab's accessors, and nothing of its layout. */
export {
  cellAt,
  confidenceAt,
  forEachCell,
  forEachInColumn,
  forEachInRow,
  heldOutCount,
  isHeldOut,
  itemLabels,
} from '../../state/labData';
