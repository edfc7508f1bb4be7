/** The Open data panel's preview of a rating file's first rows, and the fields that map its columns. */
import { useId } from 'react';
import type { ColumnMapping, RatingsPreview } from '../../core';
import { ScrollRegion } from '../common/ScrollRegion';
import { columnName } from './openDataModel';
import { formatCount } from '../../core/formatCount';

const ROLE_OF = (mapping: ColumnMapping, c: number) =>
  c === mapping.user
    ? 'user'
    : c === mapping.item
      ? 'item'
      : c === mapping.value
        ? mapping.valueKind === 'explicit'
          ? 'rating'
          : 'count'
        : c === mapping.timestamp
          ? 'time'
          : null;

export function PreviewTable({
  preview,
  mapping,
  fileName,
}: {
  preview: RatingsPreview;
  mapping: ColumnMapping;
  fileName: string;
}) {
  const columns = Array.from({ length: preview.layout.columns }, (_, c) => c);
  return (
    <ScrollRegion className="od-preview" label="the preview of the first rows">
      <table>
        <caption>
          First rows of {fileName} (about {formatCount(preview.estimatedRows)} rows)
        </caption>
        <thead>
          <tr>
            <th scope="col">line</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {columnName(preview, c)}
                {ROLE_OF(mapping, c) && <span className="od-role"> = {ROLE_OF(mapping, c)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line} className={row.problem ? 'od-bad' : undefined}>
              <th scope="row">{row.line}</th>
              {row.problem ? (
                <td colSpan={columns.length}>
                  Line {row.line}: {row.problem}
                </td>
              ) : (
                columns.map((c) => <td key={c}>{row.fields[c]}</td>)
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function MappingFields({
  preview,
  mapping,
  onChange,
}: {
  preview: RatingsPreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const id = useId();
  const columns = Array.from({ length: preview.layout.columns }, (_, c) => c);
  const field = (key: 'user' | 'item' | 'value' | 'timestamp', label: string, optional: string | null) => (
    <label htmlFor={`${id}-${key}`}>
      {label}
      <select
        id={`${id}-${key}`}
        value={mapping[key] === null ? 'none' : String(mapping[key])}
        onChange={(e) => {
          const v = e.target.value === 'none' ? null : Number(e.target.value);
          onChange({ ...mapping, [key]: v } as ColumnMapping);
        }}
      >
        {optional && <option value="none">{optional}</option>}
        {columns.map((c) => (
          <option key={c} value={c}>
            {columnName(preview, c)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="od-mapping">
      <legend>Which column is which</legend>
      {field('user', 'User column', null)}
      {field('item', 'Item column', null)}
      {field('value', 'Rating column', 'none: each row is one interaction')}
      {field('timestamp', 'Time column', 'none')}
    </fieldset>
  );
}
