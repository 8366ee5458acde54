import { observers } from "@/db/schema";

/** The columns an observer may see and (until submission) complete themselves: their own record as they know it. */
export const personalDetailColumns = {
  surname: observers.surname,
  givenNames: observers.givenNames,
  cyrillicName: observers.cyrillicName,
  sex: observers.sex,
  dateOfBirth: observers.dateOfBirth,
  nationality: observers.nationality,
  passportNumber: observers.passportNumber,
  passportExpiresOn: observers.passportExpiresOn,
  role: observers.role,
  arrivalOn: observers.arrivalOn,
  departureOn: observers.departureOn,
  email: observers.email,
};
