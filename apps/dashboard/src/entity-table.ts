/**
 * A virtualized, sortable entity table: only the rows in view (plus a margin) exist in the DOM, so thousands of
 * entities scroll as cheaply as ten. Rows are indices into column arrays; sorting and filtering permute indices.
 */
export interface TableColumn {
  name: string;
  /** Value of row i (numbers sort numerically, NaN last). */
  get: (i: number) => number | string;
  format?: (v: number | string) => string;
  hot?: (v: number | string) => boolean;
}

const ROW = 22;

export class EntityTable {
  private columns: TableColumn[] = [];
  private order = new Uint32Array(0);
  private rows = 0;
  private sortCol = -1;
  private sortDesc = true;
  private filter: (i: number) => boolean = () => true;
  private selected = -1;
  private readonly head = document.createElement('div');
  private readonly body = document.createElement('div');

  constructor(private readonly el: HTMLElement, private readonly onSelect: (row: number) => void) {
    this.head.className = 'head';
    this.el.append(this.head, this.body);
    this.el.addEventListener('scroll', () => this.paint());
    this.head.addEventListener('click', (ev) => {
      const i = [...this.head.children].indexOf(ev.target as Element);
      if (i < 0) return;
      if (this.sortCol === i) this.sortDesc = !this.sortDesc;
      else { this.sortCol = i; this.sortDesc = i !== 0; }
      this.refresh();
    });
    this.body.addEventListener('click', (ev) => {
      const r = (ev.target as HTMLElement).closest<HTMLElement>('.row');
      if (r) this.select(Number(r.dataset.row));
    });
  }

  /** Replaces the data (same row indices as before keep their selection). */
  setData(rows: number, columns: TableColumn[]): void {
    this.rows = rows;
    this.columns = columns;
    this.el.style.setProperty('--cols', `minmax(72px, 1.3fr) repeat(${columns.length - 1}, minmax(46px, 1fr))`);
    this.head.replaceChildren(...columns.map((c, i) => {
      const d = document.createElement('div');
      d.textContent = c.name + (i === this.sortCol ? (this.sortDesc ? ' ▼' : ' ▲') : '');
      d.title = `sort by ${c.name}`;
      return d;
    }));
    this.refresh();
  }

  sortBy(name: string, desc: boolean): void {
    this.sortCol = this.columns.findIndex((c) => c.name === name);
    this.sortDesc = desc;
    this.refresh();
  }

  setFilter(f: (i: number) => boolean): void {
    this.filter = f;
    this.refresh();
  }

  /** Rows shown after the filter, in display order. */
  visible(): Uint32Array {
    return this.order;
  }

  /** Highlights `row` without notifying. */
  mark(row: number): void {
    this.selected = row;
    this.paint();
  }

  select(row: number): void {
    this.selected = row;
    this.paint();
    if (row >= 0) this.onSelect(row);
  }

  private refresh(): void {
    const keep: number[] = [];
    for (let i = 0; i < this.rows; i++) if (this.filter(i)) keep.push(i);
    const col = this.columns[this.sortCol];
    if (col) {
      const key = keep.map((i) => col.get(i));
      const idx = keep.map((_, j) => j);
      const sign = this.sortDesc ? -1 : 1;
      idx.sort((a, b) => {
        const x = key[a];
        const y = key[b];
        if (typeof x === 'number' && typeof y === 'number') {
          if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
          return sign * (x - y);
        }
        return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
      });
      this.order = Uint32Array.from(idx, (j) => keep[j]);
    } else this.order = Uint32Array.from(keep);
    [...this.head.children].forEach((d, i) => (d.textContent = this.columns[i].name + (i === this.sortCol ? (this.sortDesc ? ' ▼' : ' ▲') : '')));
    this.body.style.height = `${this.order.length * ROW}px`;
    this.paint();
  }

  private paint(): void {
    const top = Math.max(0, Math.floor(this.el.scrollTop / ROW) - 5);
    const end = Math.min(this.order.length, top + Math.ceil(this.el.clientHeight / ROW) + 10);
    const frag = document.createDocumentFragment();
    for (let k = top; k < end; k++) {
      const i = this.order[k];
      const r = document.createElement('div');
      r.className = i === this.selected ? 'row selected' : 'row';
      r.dataset.row = String(i);
      r.style.top = `${ROW + k * ROW}px`;
      for (const c of this.columns) {
        const v = c.get(i);
        const d = document.createElement('div');
        d.textContent = c.format ? c.format(v) : String(v);
        if (c.hot?.(v)) d.className = 'hot';
        r.append(d);
      }
      frag.append(r);
    }
    this.body.replaceChildren(frag);
  }
}
