// What every row of the index gets from the list that places it.
export interface RowProps {
  domId: string;
  top: number;
  active: boolean;
  /** Place among its siblings: the list is virtual, so the browser cannot count them. */
  pos: number;
  size: number;
  /** Click: make the row active and jump to it in the page. */
  onActivate: () => void;
}
