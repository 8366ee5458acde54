import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
};

/** Label, hint and error around one control, wired with aria-describedby. */
function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

export function TextField({ id, label, hint, error, type = "text", ...input }: InputProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input id={id} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { id: string; label: string; hint?: string; error?: string };

/** Several lines of text (an agenda, a reason). */
export function TextAreaField({ id, label, hint, error, rows = 4, ...textarea }: TextAreaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
    </FieldShell>
  );
}

/** A calendar date (yyyy-mm-dd); the browser shows it in the reader's locale. */
export function DateField(props: Omit<InputProps, "type">) {
  return <TextField {...props} type="date" />;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ id, label, hint, error, options, placeholder, ...select }: SelectProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type ChoiceGroupProps = {
  /** The first choice takes this id, so the error summary's link lands on the group. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string; lang?: string }[];
  /** What react-hook-form's `register(name)` gives, spread on every choice. */
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "defaultChecked">;
};

/** The choices of one question, as a fieldset whose legend is the question. */
function ChoiceGroup({ type, id, legend, hint, error, options, isChosen, inputProps }: ChoiceGroupProps & { type: "checkbox" | "radio"; isChosen: (value: string) => boolean }) {
  return (
    <fieldset className={error ? "field field--error" : "field"} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="checkbox-group">
        {options.map((option, index) => {
          const choiceId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                id={choiceId}
                type={type}
                value={option.value}
                defaultChecked={isChosen(option.value)}
                aria-invalid={error ? true : undefined}
                {...inputProps}
              />
              <label htmlFor={choiceId} lang={option.lang}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Several choices of one question. */
export function CheckboxGroup({ defaultValues, ...props }: ChoiceGroupProps & { defaultValues: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" isChosen={(value) => defaultValues.includes(value)} />;
}

/** Exactly one choice of a few, all in view. */
export function RadioGroup({ defaultValue, ...props }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...props} type="radio" isChosen={(value) => value === defaultValue} />;
}
