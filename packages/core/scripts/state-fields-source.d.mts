export function stateFieldsSource(jsonSchema: object): string;
