/**
 * The customer's region (a country or one of its states or provinces): picked
 * from the regions date-holidays knows, by name or code, with the keyboard,
 * and shown by name. Promises and follow-ups for the customer skip its public
 * holidays as well as the company's.
 */
import { useMemo } from 'react';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { regionOptions, type RegionOption } from '@core/holidays';
import { useFormat } from '../../lib/i18n';

/** The choice of no region, first in the list. */
const NONE = '';

function useOptions(): { intl: IntlShape; options: readonly RegionOption[]; byCode: ReadonlyMap<string, RegionOption> } {
  const intl = useIntl();
  const { locale } = useFormat();
  const options = useMemo(() => regionOptions(locale), [locale]);
  const byCode = useMemo(() => new Map(options.map((option) => [option.code, option])), [options]);
  return { intl, options, byCode };
}

function optionName(intl: IntlShape, option: RegionOption): string {
  return option.code.includes('-')
    ? intl.formatMessage({ id: 'calendar.region.subdivision', defaultMessage: '{region}, {country}' }, { region: option.name, country: option.country })
    : option.country;
}

export function RegionLabel() {
  return <FormattedMessage id="calendar.region.label" defaultMessage="Region" />;
}

/** The region's name and code ("Bayern, Deutschland (DE-BY)"), or "None". */
export function RegionName({ code }: { code: string | null }) {
  const { intl, byCode } = useOptions();
  if (!code) return <FormattedMessage id="calendar.region.none" defaultMessage="None" />;
  const option = byCode.get(code);
  return option ? (
    <FormattedMessage id="calendar.region.named" defaultMessage="{name} ({code})" values={{ name: optionName(intl, option), code }} />
  ) : (
    <>{code}</>
  );
}

const filter = createFilterOptions<string>();

/** Picks the customer's region; typing filters by name or code, and "None" clears it. */
export function RegionPicker({ value, onChange, error, helperText }: { value: string | null; onChange: (region: string | null) => void; error?: boolean; helperText?: string }) {
  const { intl, options, byCode } = useOptions();
  const codes = useMemo(() => [NONE, ...options.map((option) => option.code)], [options]);
  const none = intl.formatMessage({ id: 'calendar.region.none', defaultMessage: 'None' });
  const label = (code: string) => {
    if (code === NONE) return none;
    const option = byCode.get(code);
    return option ? optionName(intl, option) : code;
  };
  return (
    <Autocomplete
      options={codes}
      value={value ?? NONE}
      onChange={(_event, code) => onChange(code ? code : null)}
      // No region leaves the field empty (its placeholder says "None"), so typing starts a search straight away.
      getOptionLabel={(code) => (code === NONE ? '' : label(code))}
      // Found by its name, its country's name or its code ("by" finds Bayern by DE-BY).
      filterOptions={(list, state) => filter(list, { ...state, getOptionLabel: (code) => `${label(code)} ${code}` })}
      disableClearable
      autoHighlight
      size="small"
      renderOption={({ key, ...props }, code) => (
        <Box component="li" key={key} {...props} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
          <span>{label(code)}</span>
          {code !== NONE && (
            <Typography component="span" variant="caption" color="text.secondary">
              {code}
            </Typography>
          )}
        </Box>
      )}
      noOptionsText={<FormattedMessage id="calendar.region.noMatch" defaultMessage="No region matches" />}
      renderInput={(params) => (
        <TextField
          {...params}
          label={<RegionLabel />}
          placeholder={none}
          error={error}
          helperText={helperText ?? <FormattedMessage id="calendar.region.hint" defaultMessage="Promises and follow-ups also skip this region’s public holidays" />}
        />
      )}
    />
  );
}
