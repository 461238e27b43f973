// What every row of the index gets from the list that places it.
export interface RowProps {
  domId: string;
  top: number;
  active: boolean;
  /** Click: make the row active and jump to it in the page. */
  onActivate: () => void;
}
