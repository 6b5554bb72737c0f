export const DIRECTORY_PATH = '/sociale-kaart';
export const servicePath = (id: string) => `${DIRECTORY_PATH}/aanbod/${encodeURIComponent(id)}`;
export const organisationPath = (id: string) => `${DIRECTORY_PATH}/organisaties/${encodeURIComponent(id)}`;
export const zinplekPath = (id: string) => `${DIRECTORY_PATH}/zinplekken/${encodeURIComponent(id)}`;
