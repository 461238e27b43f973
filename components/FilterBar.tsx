// Filters that combine with the search: section, person, months, canceled, recordings.
// The active ones stay visible as chips, each clearable in one click.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SECTION_KIND_LABELS } from '@/lib/panel/filters';
import type { PanelState } from '@/lib/panel/state';
import { MARK_FILTERS } from '@/lib/panel/mark-narrowing';

/** `children`: the GitHub status summary, whose chips pick a status filter (rendered only while the filters are open). */
export function FilterBar({ state, children }: { state: PanelState; children?: ComponentChildren }) {
  const index = state.index;
  const filters = index.filters.value;
  const kinds = index.kinds.value;
  const months = index.months.value;
  // The choices (people, months) grow with the agenda: build them only while the panel is open.
  const [open, setOpen] = useState(false);
  return (
    <div class="filters">
      <details class="filters__panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Filters{index.chips.value.length > 0 ? ` (${index.chips.value.length})` : ''}</summary>
        {open && (
          <>
            {children}
            {state.private && (
              <fieldset class="filters__group">
                <legend>Yours</legend>
                {[{ value: null, label: 'Everything' }, ...MARK_FILTERS].map((option) => (
                  <label key={option.label} class="check">
                    <input
                      type="radio"
                      name="mark-filter"
                      checked={index.markFilter.value === option.value}
                      onChange={() => index.setMarkFilter(option.value)}
                    />
                    {option.label}
                  </label>
                ))}
              </fieldset>
            )}
            <fieldset class="filters__group">
              <legend>Section</legend>
              {kinds.map((kind) => (
                <label key={kind} class="check">
                  <input
                    type="checkbox"
                    checked={filters.kinds.includes(kind)}
                    onChange={(event) =>
                      index.updateFilters({
                        kinds: event.currentTarget.checked
                          ? [...filters.kinds, kind]
                          : filters.kinds.filter((k) => k !== kind),
                      })
                    }
                  />
                  {SECTION_KIND_LABELS[kind]}
                </label>
              ))}
            </fieldset>
            <label class="filters__field">
              Person
              <select
                class="field"
                value={filters.person ?? ''}
                onChange={(event) => index.updateFilters({ person: event.currentTarget.value || null })}
              >
                <option value="">Anyone</option>
                {index.people.value.map((person) => (
                  <option key={person.key} value={person.key}>
                    {person.name} ({person.count})
                  </option>
                ))}
              </select>
            </label>
            <div class="filters__range">
              <label class="filters__field">
                From
                <select
                  class="field"
                  value={filters.from ?? ''}
                  onChange={(event) => index.updateFilters({ from: event.currentTarget.value || null })}
                >
                  <option value="">the start</option>
                  {[...months].reverse().map((month) => (
                    <option key={month} value={month}>
                      {month}
                    </option>
                  ))}
                </select>
              </label>
              <label class="filters__field">
                To
                <select
                  class="field"
                  value={filters.to ?? ''}
                  onChange={(event) => index.updateFilters({ to: event.currentTarget.value || null })}
                >
                  <option value="">now</option>
                  {months.map((month) => (
                    <option key={month} value={month}>
                      {month}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label class="check">
              <input
                type="checkbox"
                checked={filters.hideCanceled}
                onChange={(event) => index.updateFilters({ hideCanceled: event.currentTarget.checked })}
              />
              Hide canceled meetings
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={filters.hasRecording}
                onChange={(event) => index.updateFilters({ hasRecording: event.currentTarget.checked })}
              />
              Only meetings with a recording
            </label>
          </>
        )}
      </details>
      {index.chips.value.length > 0 && (
        <ul class="chips" aria-label="Active filters">
          {index.chips.value.map((chip) => (
            <li key={chip.id}>
              <button
                type="button"
                class="chip chip--filter"
                onClick={() => index.clearChip(chip.id)}
                aria-label={`Clear ${chip.label}`}
              >
                {chip.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {index.chips.value.length > 1 && (
            <li>
              <button type="button" class="chips__clear" onClick={index.clearAll}>
                Clear all
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
