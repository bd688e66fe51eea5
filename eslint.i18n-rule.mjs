// Text a person reads in JSX: children and the props that hold words.
export const JSX_TEXT_RULE = {
  'formatjs/no-literal-string-in-jsx': [
    'error',
    { props: { include: [['*', '{label,placeholder,title,helperText,primary,secondary,alt,aria-label,aria-description,tooltip,emptyText,message}']] } },
  ],
};
